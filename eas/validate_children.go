package eas

import (
	"strings"

	"github.com/easkit/easkit/wbxml"
)

// Children: matching an element against its parent's schema node, its
// occurrences, and the required children missing at the parent's end.

// open prepares the frame f of an element matched to node n (f.node)
// for its content.
func (v *validator) open(f *vframe, n *schemaNode) {
	f.kind = n.kind
	f.bits = 0
	if n.flags&nodeCollect != 0 {
		f.bits = fCollect
	}
	if n.count == 0 {
		return
	}
	f.bits |= fParent
	f.req = n.req
	f.first, f.own, f.union, f.look = n.first, uint8(n.own), n.union, schemaLookupRow[f.node]
	if n.flags&nodeMissingSlow != 0 {
		f.bits |= fSlow
	}
	if n.flags&nodeBranches != 0 {
		f.bits |= fBranches
	}
	if v.record || n.flags&nodeCounted != 0 {
		f.bits |= fCounted
		f.cbase = uint32(len(v.counts))
		v.counts = append(v.counts, make([]uint8, n.count)...) // the compiler clears in place
	}
	if n.count > 64 {
		f.bits |= fWide
		f.wbase = uint32(len(v.wide))
		v.wide = append(v.wide, make([]uint64, (n.count-1)/64)...)
	}
}

// children returns the children of the node of frame p.
func (v *validator) children(p *vframe) []schemaNode {
	return schemaNodes[p.first : int(p.first)+int(schemaNodes[p.node].count)]
}

// seenChild reports whether the parent frame p has had its child i.
func (v *validator) seenChild(p *vframe, i int) bool {
	if i < 64 {
		return p.seen>>uint(i)&1 != 0
	}
	return v.wide[int(p.wbase)+i/64-1]>>uint(i%64)&1 != 0
}

// childInLeaf reports a child element in an element that holds no
// elements (node pn).
func (v *validator) childInLeaf(p *vframe, pn *schemaNode, tok *wbxml.Token, depth int) {
	if !v.hit() {
		return
	}
	if pn.kind == kindEmpty {
		v.add(ProblemContent, tok.Offset, depth, "child element in "+pathName(p.tag)+", which must be empty", nil)
	} else {
		v.add(ProblemContent, tok.Offset, depth, "child element in "+pathName(p.tag)+", which holds "+kindNames[pn.kind], nil)
	}
}

// unmatched handles an element f that none of its parent's children
// (node pn) match: open content, the turn to the response reading at the
// root's first child, or a problem.
func (v *validator) unmatched(p, f *vframe, pn *schemaNode, tok *wbxml.Token, depth int) {
	if v.other != 0 && depth == 2 && v.total == 0 && v.turn(p) {
		v.frames = v.frames[:depth-1]
		v.start(tok)
		return
	}
	if pn.kind == kindAny {
		f.node = nodeAny
		return
	}
	if v.hit() {
		v.add(ProblemNotAllowed, tok.Offset, depth, pathName(f.tag)+" is not allowed in "+pathName(p.tag), nil)
	}
}

// occurrence checks the occurrence of the child slot of p's node in
// frame f (again: not the first) beyond its being allowed: the version,
// the maximum, choice alternatives and, under WithStrict, the order.
func (v *validator) occurrence(p, f *vframe, cs []schemaNode, slot int, again bool, offset int64, depth int) {
	c := &cs[slot]
	cnt := 1
	if again {
		cnt = 2
	}
	if p.bits&fCounted != 0 {
		k := &v.counts[int(p.cbase)+slot]
		if *k < 255 {
			*k++
		}
		cnt = int(*k)
		f.ord = uint16(cnt)
	}
	if (c.since != 0 || c.until != 0) && !c.inVersion(v.ver) && (v.ver == 0 || f.tag.ValidIn(v.ver)) {
		if v.hit() {
			v.add(ProblemVersion, offset, depth, pathName(f.tag)+" is in a "+schemaMessages[v.msg-1].name+" "+versionSpan(c)+", not in "+v.ver.String(), nil)
		}
	}
	if c.max != unbounded && (c.max == 1 && again && (p.bits&fCounted == 0 || cnt == 2) || p.bits&fCounted != 0 && cnt == int(c.max)+1) {
		if v.hit() {
			v.add(ProblemTooMany, offset, depth, pathName(f.tag)+" occurs more than "+times(int(c.max)), nil)
		}
	}
	if c.excl&p.seen != 0 && !again {
		if v.hit() {
			for i := range cs {
				if i < 64 && c.excl>>uint(i)&1 != 0 && p.seen>>uint(i)&1 != 0 {
					v.add(ProblemNotAllowed, offset, depth, pathName(f.tag)+" is not allowed with "+pathName(cs[i].tag)+" (alternatives of one choice)", nil)
					break
				}
			}
		}
	}
	if v.strict && c.order != 0 {
		if c.order < p.last {
			if v.hit() {
				v.add(ProblemOrder, offset, depth, pathName(f.tag)+" comes too late: the sequence puts it earlier", nil)
			}
		} else {
			p.last = c.order
		}
	}
}

// turn makes the pass a response reading, at the first child of the root
// p when the request's root does not have it: the state of the two
// readings is the same until then. It reports whether it turned: not when
// the response's root lacks the child too.
func (v *validator) turn(p *vframe) bool {
	msg := v.other
	v.other = 0
	rn := &schemaNodes[schemaMessages[msg-1].root]
	tag := v.frames[len(v.frames)-1].tag
	for _, t := range schemaTags[rn.first : int(rn.first)+int(rn.count)] {
		if t == tag {
			v.dir, v.msg = 1, msg
			p.node = schemaMessages[msg-1].root
			v.counts = v.counts[:0]
			v.wide = v.wide[:0]
			v.open(p, rn)
			return true
		}
	}
	return false
}

// pickBranch chooses among the children cs of a choice of sequences the
// occurrence of the tag first found at slot: a tag in several branches
// goes to the branch already taken, else to one in the version.
func (v *validator) pickBranch(p *vframe, cs []schemaNode, slot int) int {
	if cs[slot].branch == 0 {
		return slot
	}
	for i := slot + 1; i < len(cs); i++ {
		c := &cs[i]
		if c.tag != cs[slot].tag {
			continue
		}
		if v.branchTaken(p, cs, c) || (!v.branchTaken(p, cs, &cs[slot]) && !cs[slot].inVersion(v.ver) && c.inVersion(v.ver)) {
			slot = i
		}
	}
	return slot
}

// branchTaken reports whether a member of c's branch is among p's children.
func (v *validator) branchTaken(p *vframe, cs []schemaNode, c *schemaNode) bool {
	for i := range cs {
		if o := &cs[i]; o.group == c.group && o.branch == c.branch && v.seenChild(p, i) {
			return true
		}
	}
	return false
}

// occurs returns how often f has had its child i (capped at 255; 0 or 1
// where the occurrences are not counted).
func (v *validator) occurs(f *vframe, i int) int {
	if f.bits&fCounted != 0 {
		return int(v.counts[int(f.cbase)+i])
	}
	if v.seenChild(f, i) {
		return 1
	}
	return 0
}

func (v *validator) checkMissing(f *vframe, n *schemaNode, depth int) {
	cs := schemaNodes[n.first : int(n.first)+int(n.count)]
	var groupSeen [5]bool
	var groupBranch [5]uint8
	for i := range cs {
		if c := &cs[i]; c.group != 0 && v.seenChild(f, i) {
			groupSeen[c.group] = true
			groupBranch[c.group] = c.branch
		}
	}
	var groupDone [5]bool
	for i := range cs {
		c := &cs[i]
		if c.min == 0 || v.occurs(f, i) >= int(c.min) || !c.inVersion(v.ver) {
			continue
		}
		switch {
		case c.group == 0:
			if v.hit() {
				v.add(ProblemMissing, f.offset, depth, "required "+pathName(c.tag)+" missing", nil)
			}
		case c.flags&nodeRepeated != 0:
		case c.branch != 0:
			b := groupBranch[c.group]
			if !groupSeen[c.group] {
				// No branch taken: report the first in the version.
				if groupDone[c.group] {
					continue
				}
				b = c.branch
				groupBranch[c.group] = b
				groupSeen[c.group] = true
			}
			if c.branch == b {
				if v.hit() {
					v.add(ProblemMissing, f.offset, depth, "required "+pathName(c.tag)+" missing", nil)
				}
			}
		default:
			if groupSeen[c.group] || groupDone[c.group] {
				continue
			}
			groupDone[c.group] = true
			if v.choiceRequired(cs, c.group) {
				if v.hit() {
					v.add(ProblemMissing, f.offset, depth, "one of "+v.choiceNames(cs, c.group)+" required", nil)
				}
			}
		}
		if v.stop {
			return
		}
	}
}

// choiceRequired reports whether every member of the choice group must be
// taken on its own (all have min ≥ 1): then the choice is required.
func (v *validator) choiceRequired(cs []schemaNode, g uint8) bool {
	for i := range cs {
		if c := &cs[i]; c.group == g && c.inVersion(v.ver) && c.min == 0 {
			return false
		}
	}
	return true
}

func (v *validator) choiceNames(cs []schemaNode, g uint8) string {
	var names []string
	for i := range cs {
		if c := &cs[i]; c.group == g && c.inVersion(v.ver) {
			names = append(names, pathName(c.tag))
		}
	}
	return strings.Join(names, ", ")
}
