package io.signalbox.catalog.descriptor;

import io.signalbox.web.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * What one reading of a descriptor collects and reads with, shared by every {@link DescriptorNode} of it: the problems
 * (any refuses the publication), the warnings (the publication goes ahead; the answer names each field and what to
 * change) and the classification vocabulary the council keeps.
 */
final class Reading {

    final List<FieldProblem> problems = new ArrayList<>();
    final List<FieldProblem> warnings = new ArrayList<>();
    final ClassificationVocabulary vocabulary;

    Reading(ClassificationVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }
}
