package eas

import (
	"reflect"

	"github.com/easkit/easkit/codepages"
	"github.com/easkit/easkit/wbxml"
)

// Names: the reading of a `names` field ([]codepages.Tag), which holds
// the tags of the empty children no other field names (Sync Supported and
// ItemOperations Schema name item-class properties this way). A child that
// is not empty (content, even an empty string, or children) is an ErrValue
// error with its offset under WithStrict; otherwise it goes to the `any`
// field, or is skipped when there is none.

// unknownName reads a child that sp, which has a names field, has no
// other field for, into struct v (its seen bits from base).
func (u *unmarshalState) unknownName(sp *structPlan, v reflect.Value, tok *wbxml.Token, tag codepages.Tag, base int) error {
	names := (*[]codepages.Tag)(fieldFor(v, &sp.fields[sp.names]).Addr().UnsafePointer())
	// The first unknown child truncates the names; later ones append.
	if w := &u.seen[base+sp.names/64]; *w&(1<<(sp.names%64)) == 0 {
		*w |= 1 << (sp.names % 64)
		*names = (*names)[:0]
	}
	var kept []*Element
	if sp.any >= 0 && u.seen[base+sp.any/64]&(1<<(sp.any%64)) != 0 {
		kept = *(*[]*Element)(fieldFor(v, &sp.fields[sp.any]).Addr().UnsafePointer())
	}
	e, err := u.name(tok, tag, names, kept)
	if err != nil || e == nil || sp.any < 0 {
		return err
	}
	list := u.anyList(sp, v, base)
	*list = append(*list, e)
	return nil
}

// name reads the child tok opened (tag) for a names field: an empty
// element appends tag to *names and gives nil. Another child is an
// ErrValue error under WithStrict; otherwise name returns its tree, to
// keep. kept is what the any field holds of the element's children so
// far, for the child's index in the path of an error.
func (u *unmarshalState) name(tok *wbxml.Token, tag codepages.Tag, names *[]codepages.Tag, kept []*Element) (*Element, error) {
	u.path = append(u.path, pathStep{tag: tag, n: 1, kept: kept, names: *names})
	if err := u.checkStart(tok, tag); err != nil {
		return nil, err
	}
	if !tok.Content {
		// No content bit: the Decoder's next token is the element's end.
		if _, _, err := u.content(tok); err != nil {
			return nil, err
		}
		*names = append(*names, tag)
		u.path = u.path[:len(u.path)-1]
		return nil, nil
	}
	e, err := u.tree(tok)
	if err != nil {
		return nil, err
	}
	if len(e.children) == 0 && e.kind == contentNone {
		*names = append(*names, tag)
		e = nil
	} else if u.cfg.strict {
		return nil, u.errAt(tok.Offset, ErrValue, tag.Name()+" names a property, so it must be empty")
	}
	u.path = u.path[:len(u.path)-1]
	return e, nil
}

// Name reads the child Next returned, which no field names, for a
// `names` field ([]codepages.Tag): an empty element appends its tag to
// names and Name returns nil. A child with content or children is an
// ErrValue error under WithStrict; otherwise Name returns it as a tree,
// for an `any` field. kept is what that field holds of this element's
// children so far (nil before the first), which the path of an error
// counts; the caller truncates names at the first unknown child, as Keep's
// caller does its list.
func (r *Reader) Name(names *[]codepages.Tag, kept []*Element) (*Element, error) {
	return r.u.name(&r.tok, codepages.NewTag(r.tok.Page, r.tok.Code), names, kept)
}
