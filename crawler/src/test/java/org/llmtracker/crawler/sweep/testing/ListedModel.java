package org.llmtracker.crawler.sweep.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * One model as the Hub's listing describes it, written in the recorded wire format: every item
 * carries {@code _id} and {@code id}, then only the fields named by {@code expand[]}; times with
 * milliseconds and a {@code Z}, {@code gated} false or {@code "manual"}/{@code "auto"}
 * (see {@code huggingface/SOURCE.md}).
 */
public record ListedModel(String objectId, String id, String author, Instant createdAt, Instant lastModified,
        long downloads, long likes, String pipelineTag, String libraryName, List<String> tags, String gated) {

    public ListedModel {
        tags = List.copyOf(tags);
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        lastModified = lastModified.truncatedTo(ChronoUnit.MILLIS);
    }

    public Listing.Key key() {
        return new Listing.Key(lastModified, objectId);
    }

    public ListedModel modified(Instant at, long newDownloads, List<String> newTags) {
        return new ListedModel(objectId, id, author, createdAt, at, newDownloads, likes, pipelineTag, libraryName, newTags,
                gated);
    }

    void json(Set<String> expand, StringBuilder out) {
        out.append("{\"_id\":\"").append(objectId).append("\",\"id\":\"").append(id).append('"');
        for (String field : expand) {
            switch (field) {
                case "author" -> string(out, field, author);
                case "createdAt" -> string(out, field, createdAt.toString().replace("Z", millis(createdAt)));
                case "lastModified" -> string(out, field, lastModified.toString().replace("Z", millis(lastModified)));
                case "downloads" -> out.append(",\"downloads\":").append(downloads);
                case "likes" -> out.append(",\"likes\":").append(likes);
                case "pipeline_tag" -> string(out, field, pipelineTag);
                case "library_name" -> string(out, field, libraryName);
                case "gated" -> out.append(",\"gated\":").append("false".equals(gated) ? "false" : "\"" + gated + "\"");
                case "tags" -> {
                    out.append(",\"tags\":[");
                    for (int i = 0; i < tags.size(); i++) {
                        out.append(i == 0 ? "\"" : ",\"").append(tags.get(i)).append('"');
                    }
                    out.append(']');
                }
                default -> {
                    // A field this stand-in does not know is absent, as the Hub leaves out what a model lacks.
                }
            }
        }
        out.append('}');
    }

    // Instant.toString drops zero milliseconds; the Hub always writes three digits.
    private static String millis(Instant at) {
        return at.getNano() == 0 ? ".000Z" : "Z";
    }

    private static void string(StringBuilder out, String field, String value) {
        out.append(",\"").append(field).append("\":");
        if (value == null) {
            out.append("null");
        } else {
            out.append('"').append(value).append('"');
        }
    }
}
