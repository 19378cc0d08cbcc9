package eas

// SetValidateLeaves turns Validate's reading of leaf elements as one token
// on or off and returns a func that restores the setting.
func SetValidateLeaves(on bool) (restore func()) {
	old := validateLeaves
	validateLeaves = on
	return func() { validateLeaves = old }
}
