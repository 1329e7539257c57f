package org.mpbnlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON writer of the command line. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
