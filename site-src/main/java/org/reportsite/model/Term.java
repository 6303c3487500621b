package org.reportsite.model;

import java.util.List;

/** A defined term from the glossary. */
public record Term(String term, List<String> aliases, String definition, Location location) {
    public String anchor() {
        return "term-" + term.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
