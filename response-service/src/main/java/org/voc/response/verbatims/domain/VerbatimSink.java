package org.voc.response.verbatims.domain;

import java.io.IOException;

/** Takes the rows of an export one by one, as the database cursor yields them (writing them to the client). */
@FunctionalInterface
public interface VerbatimSink {

    void accept(Verbatim verbatim) throws IOException;
}
