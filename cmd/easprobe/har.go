package main

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/easkit/easkit/eashttp"
	"github.com/easkit/easkit/internal/cli"
)

// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), the fields
// easprobe writes. Bodies are base64 with "encoding": "base64".

type harFile struct {
	Log harLog `json:"log"`
}

type harLog struct {
	Version string     `json:"version"`
	Creator harCreator `json:"creator"`
	Entries []harEntry `json:"entries"`
}

type harCreator struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type harNV struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

type harPostData struct {
	MimeType string `json:"mimeType"`
	Text     string `json:"text"`
	Encoding string `json:"encoding"`
}

type harRequest struct {
	Method      string       `json:"method"`
	URL         string       `json:"url"`
	HTTPVersion string       `json:"httpVersion"`
	Cookies     []harNV      `json:"cookies"`
	Headers     []harNV      `json:"headers"`
	QueryString []harNV      `json:"queryString"`
	PostData    *harPostData `json:"postData,omitempty"`
	HeadersSize int          `json:"headersSize"`
	BodySize    int          `json:"bodySize"`
}

type harContent struct {
	Size     int    `json:"size"`
	MimeType string `json:"mimeType"`
	Text     string `json:"text,omitempty"`
	Encoding string `json:"encoding,omitempty"`
}

type harResponse struct {
	Status      int        `json:"status"`
	StatusText  string     `json:"statusText"`
	HTTPVersion string     `json:"httpVersion"`
	Cookies     []harNV    `json:"cookies"`
	Headers     []harNV    `json:"headers"`
	Content     harContent `json:"content"`
	RedirectURL string     `json:"redirectURL"`
	HeadersSize int        `json:"headersSize"`
	BodySize    int        `json:"bodySize"`
	Comment     string     `json:"comment,omitempty"`
}

type harTimings struct {
	Send    float64 `json:"send"`
	Wait    float64 `json:"wait"`
	Receive float64 `json:"receive"`
}

type harEntry struct {
	StartedDateTime string      `json:"startedDateTime"`
	Time            float64     `json:"time"`
	Request         harRequest  `json:"request"`
	Response        harResponse `json:"response"`
	Cache           struct{}    `json:"cache"`
	Timings         harTimings  `json:"timings"`
	Comment         string      `json:"comment,omitempty"`
}

// harHeaders lists h sorted by name (already redacted by eashttp).
func harHeaders(h http.Header) []harNV {
	out := []harNV{}
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		for _, v := range h[k] {
			out = append(out, harNV{k, v})
		}
	}
	return out
}

// harQuery lists the query parameters of raw in order.
func harQuery(raw string) []harNV {
	out := []harNV{}
	u, err := url.Parse(raw)
	if err != nil || u.RawQuery == "" {
		return out
	}
	for item := range strings.SplitSeq(u.RawQuery, "&") {
		k, v, _ := strings.Cut(item, "=")
		uk, err1 := url.QueryUnescape(k)
		uv, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			uk, uv = k, v
		}
		out = append(out, harNV{uk, uv})
	}
	return out
}

// harOf turns the exchanges into a HAR file.
func harOf(exs []*eashttp.Exchange, secrets []string) *harFile {
	h := &harFile{Log: harLog{Version: "1.2", Creator: harCreator{"easprobe", cli.Version()}, Entries: []harEntry{}}}
	for _, e := range exs {
		e = scrubbed(e, secrets)
		ms := float64(e.Duration.Microseconds()) / 1000
		en := harEntry{
			StartedDateTime: e.Start.UTC().Format("2006-01-02T15:04:05.000Z07:00"),
			Time:            ms,
			Timings:         harTimings{Send: 0, Wait: ms, Receive: 0},
			Comment:         e.Step,
			Request: harRequest{
				Method: e.Method, URL: e.URL, HTTPVersion: e.Proto,
				Cookies: []harNV{}, Headers: harHeaders(e.RequestHeader), QueryString: harQuery(e.URL),
				HeadersSize: -1, BodySize: len(e.RequestBody),
			},
			Response: harResponse{
				Status: e.StatusCode, StatusText: strings.TrimSpace(strings.TrimPrefix(e.Status, itoa(e.StatusCode))),
				HTTPVersion: e.ResponseProto, Cookies: []harNV{}, Headers: harHeaders(e.ResponseHeader),
				Content:     harContent{Size: len(e.ResponseBody), MimeType: e.ResponseHeader.Get("Content-Type")},
				HeadersSize: -1, BodySize: len(e.ResponseBody),
			},
		}
		if len(e.RequestBody) > 0 {
			en.Request.PostData = &harPostData{MimeType: e.RequestHeader.Get("Content-Type"), Text: base64.StdEncoding.EncodeToString(e.RequestBody), Encoding: "base64"}
		}
		if len(e.ResponseBody) > 0 {
			en.Response.Content.Text = base64.StdEncoding.EncodeToString(e.ResponseBody)
			en.Response.Content.Encoding = "base64"
		}
		if e.StatusCode == 0 {
			en.Response.HTTPVersion = ""
			en.Response.BodySize = -1
			if e.Err != nil {
				en.Response.Comment = e.Err.Error()
			}
		}
		if loc := e.ResponseHeader.Get("Location"); loc != "" {
			en.Response.RedirectURL = loc
		} else if loc := e.ResponseHeader.Get(eashttp.HeaderLocation); loc != "" {
			en.Response.RedirectURL = loc
		}
		h.Log.Entries = append(h.Log.Entries, en)
	}
	return h
}

// itoa is the decimal text of n.
func itoa(n int) string { return strconv.Itoa(n) }

// writeHAR saves the exchanges at path, written whole (through a temporary
// file) or not at all.
func writeHAR(path string, exs []*eashttp.Exchange, secrets []string) error {
	data, err := json.MarshalIndent(harOf(exs, secrets), "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	tmp, err := os.CreateTemp(filepath.Dir(path), ".easprobe-*.har")
	if err != nil {
		return unwrapPath(err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return unwrapPath(err)
	}
	if err := tmp.Close(); err != nil {
		return unwrapPath(err)
	}
	if err := os.Chmod(tmp.Name(), 0o600); err != nil {
		return unwrapPath(err)
	}
	return unwrapPath(os.Rename(tmp.Name(), path))
}

// scrubbed is a copy of e without the secrets in its URL, headers and
// bodies (a server may echo them).
func scrubbed(e *eashttp.Exchange, secrets []string) *eashttp.Exchange {
	c := *e
	c.URL = safe(c.URL, secrets)
	c.RequestHeader = scrubHeader(c.RequestHeader, secrets)
	c.ResponseHeader = scrubHeader(c.ResponseHeader, secrets)
	c.RequestBody = safeBytes(c.RequestBody, secrets)
	c.ResponseBody = safeBytes(c.ResponseBody, secrets)
	if c.Err != nil {
		c.Err = errors.New(safe(c.Err.Error(), secrets))
	}
	return &c
}

// scrubHeader is a copy of h without the secrets.
func scrubHeader(h http.Header, secrets []string) http.Header {
	out := make(http.Header, len(h))
	for k, vs := range h {
		for _, v := range vs {
			out[k] = append(out[k], safe(v, secrets))
		}
	}
	return out
}
