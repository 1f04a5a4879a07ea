package io.signalbox.governance.glossary;

/** A glossary term as pages and the API show it: its domain's key, the term, its definition and canonical link. */
public record TermView(String domain, String term, String definition, String canonical, int lockVersion) {

    /** The entity part of what the term corresponds to: "Service" for "Service.service_type". */
    public String entity() {
        return canonical == null
                ? null
                : canonical.contains(".") ? canonical.substring(0, canonical.indexOf('.')) : canonical;
    }
}
