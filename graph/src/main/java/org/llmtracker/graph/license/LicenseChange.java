package org.llmtracker.graph.license;

/**
 * A link along which the licence changes: the child's licence differs from its parent's.
 *
 * @param verdict the child's stored verdict (null: not judged yet)
 */
public record LicenseChange(String child, String parent, String childLicense, String parentLicense, String verdict) {
}
