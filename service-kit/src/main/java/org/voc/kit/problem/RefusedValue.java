package org.voc.kit.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON value that reads fine but can never be stored; the problem mapper names its field with this message. */
public class RefusedValue extends JsonMappingException {

    public RefusedValue(JsonParser parser, String message) {
        super(parser, message);
    }
}
