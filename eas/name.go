package eas

import "github.com/easkit/easkit/codepages"

// A Name is the tag of a struct's element. A field
//
//	XMLName eas.Name `eas:"FolderHierarchy:FolderSync"`
//
// names the root element that Marshal writes for the struct and that
// Unmarshal requires; Unmarshal stores there the tag it read. A field of
// type Name without a tag name leaves the choice to the value: Marshal
// writes the element its Tag holds, and Unmarshal accepts any root.
type Name struct {
	// Tag is the element's tag; the zero Tag is none.
	Tag codepages.Tag
}
