package org.mpbnlab.renamed;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A class the declared architecture must refuse (ArchitectureTest): its package belongs to no layer, as
 * after a package is renamed, and it carries a Jackson annotation.
 */
public final class Stranger {

    @JsonProperty("value")
    private int value;

    public int value() {
        return value;
    }
}
