package org.llmtracker.graph.license;

/** One model's licence id (null: none known) and its verdict (null: no ancestor to judge against). */
public record ModelLicense(String license, LicenseCheck check) {
}
