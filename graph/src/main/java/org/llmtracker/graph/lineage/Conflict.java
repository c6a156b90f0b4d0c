package org.llmtracker.graph.lineage;

import java.util.List;

/**
 * A place where two witnesses disagree about a model's lineage.
 *
 * @param kind            {@code RELATION}: the catalogue and the Hub name the parent but not the same relation;
 *                        {@code HUB_ONLY_PARENT}: the Hub names a parent the catalogue does not;
 *                        {@code INFERRED_DIFFERS}: the model now declares {@code parent}, and inference had said
 *                        {@code inferredParent} (the declaration replaced it)
 * @param catalogRelation the catalogue's relation, null for a parent only the Hub names
 * @param hubRelation     the Hub's relation (for {@code INFERRED_DIFFERS}, the declared relation)
 * @param sources         who asserts the link
 * @param inferredParent  what inference had said, for {@code INFERRED_DIFFERS}
 * @param confidence      how sure inference was, for {@code INFERRED_DIFFERS}
 */
public record Conflict(String kind, String child, String parent, String catalogRelation, String hubRelation,
        List<String> sources, String inferredParent, Double confidence) {
}
