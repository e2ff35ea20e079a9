package lint

import "sort"

// restoreSourceOrder puts blocks and sections back in source order when
// goldmark built them out of it (a setext heading whose text holds a table
// delimiter row comes after the table cut out of it), and re-links each
// block to the section it now follows. Documents already in order are
// left alone.
//
// Blocks are sorted by their first source byte.
func restoreSourceOrder(doc *Document) {
	start := (*Block).firstSourceOffset
	if sort.SliceIsSorted(doc.Blocks, func(i, j int) bool { return start(doc.Blocks[i]) < start(doc.Blocks[j]) }) {
		return
	}
	sort.SliceStable(doc.Blocks, func(i, j int) bool { return start(doc.Blocks[i]) < start(doc.Blocks[j]) })
	sort.SliceStable(doc.Sections, func(i, j int) bool { return doc.Sections[i].Start < doc.Sections[j].Start })
	var cur *Section
	for _, b := range doc.Blocks {
		if b.Kind != BlockHeading {
			b.Section = cur
			continue
		}
		s := b.Section
		parent := cur
		for parent != nil && parent.Level >= s.Level {
			parent = parent.Parent
		}
		s.Parent = parent
		cur = s
	}
}
