package capture

// Direction says which way a message of a [FormLog] input went, when the
// log says so. The zero Direction is [DirectionUnknown].
type Direction uint8

const (
	// DirectionUnknown: the log line names no direction (and every message
	// of the other forms, whose [Message.Kind] says it instead).
	DirectionUnknown Direction = iota
	// DirectionRequest: from the client to the server. Z-Push's and
	// grommunio-sync's WBXML-IN and "WBXML 10K debug data" lines (the
	// server logs what came in), and a client's "send", "sending",
	// "sent", "request" or "IN" marker.
	DirectionRequest
	// DirectionResponse: from the server to the client. WBXML-OUT, and a
	// client's "receive", "received", "receiving", "response" or "OUT"
	// marker.
	DirectionResponse
)

// String returns "unknown", "request" or "response".
func (d Direction) String() string {
	switch d {
	case DirectionRequest:
		return "request"
	case DirectionResponse:
		return "response"
	}
	return "unknown"
}
