package org.llmtracker.graph.lineage;

import java.util.List;

/**
 * A place where the catalogue and the Hugging Face Hub disagree about a model's lineage.
 *
 * @param kind            {@code RELATION}: both name the parent but not the same relation;
 *                        {@code HUB_ONLY_PARENT}: the Hub names a parent the catalogue does not
 * @param catalogRelation the catalogue's relation, null for a parent only the Hub names
 * @param hubRelation     the Hub's relation
 * @param sources         who asserts the link
 */
public record Conflict(String kind, String child, String parent, String catalogRelation, String hubRelation,
        List<String> sources) {
}
