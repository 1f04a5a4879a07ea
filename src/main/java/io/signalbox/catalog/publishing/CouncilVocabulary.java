package io.signalbox.catalog.publishing;

import io.signalbox.catalog.descriptor.ClassificationVocabulary;

/**
 * The names the governance council accepts in descriptors besides the standards' own: today, its aliases for the
 * classification levels (a descriptor may write {@code sensitive} where the council reads {@code confidential}). The
 * catalog asks before reading a descriptor; the governance feature answers, so the reader never depends on how the
 * council keeps its vocabulary.
 */
public interface CouncilVocabulary {

    /** The four classification levels with the council's current aliases. */
    ClassificationVocabulary classifications();
}
