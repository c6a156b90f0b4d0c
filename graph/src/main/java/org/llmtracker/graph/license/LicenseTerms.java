package org.llmtracker.graph.license;

import java.util.List;

/**
 * What one licence asks of a derivative, as the licence book ({@code licenses.yaml}) says.
 *
 * @param id          the Hub's licence id ({@code llama3.1}, {@code apache-2.0})
 * @param family      licences of one family carry the same terms forward
 * @param restrictive a derivative must carry terms on: use restrictions, non-commercial, share-alike, copyleft
 * @param commercial  commercial use allowed
 * @param derivatives derivatives allowed at all
 * @param shareAlike  derivatives must keep the licence
 * @param naming      a derivative's name must begin with this; null: no naming clause
 * @param notice      a derivative must ship the licence or a notice
 * @param catchAll    the Hub's {@code other} and {@code unknown}: the terms are not known
 * @param link        where the licence's text is
 * @param aliases     other spellings cards use
 * @param links       text a card's {@code license_link} holds when it points at this licence
 */
public record LicenseTerms(String id, String name, String family, boolean restrictive, boolean commercial,
        boolean derivatives, boolean shareAlike, String naming, boolean notice, boolean catchAll, String link,
        List<String> aliases, List<String> links) {

    public LicenseTerms {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a licence needs an id");
        }
        name = name == null || name.isBlank() ? id : name;
        family = family == null || family.isBlank() ? (restrictive ? id : "permissive") : family;
        naming = naming == null || naming.isBlank() ? null : naming;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        links = links == null ? List.of() : List.copyOf(links);
    }
}
