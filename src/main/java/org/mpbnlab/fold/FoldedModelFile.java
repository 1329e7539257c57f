package org.mpbnlab.fold;

import java.io.IOException;
import java.nio.file.Path;
import org.mpbnlab.snn.Network;
import org.mpbnlab.train.ModelFile;
import org.mpbnlab.train.ModelInfo;

/**
 * Saves a folded or deployable network as a model file (atomically, like every model file), keeping the
 * provenance of the MPBN model it came from and saying in {@code origin} what was done to it. The command
 * line's {@code fold} and the app's Fold view both save through here.
 */
public final class FoldedModelFile {

    private FoldedModelFile() {
    }

    /**
     * @param what e.g. {@code "folded (exact)"} or {@code "deployable"}
     * @param from where the MPBN model came from, e.g. its file name
     */
    public static void save(Path file, Network network, ModelInfo source, String what, String from)
            throws IOException {
        ModelFile.save(file, network, source.withOrigin(what + " from " + from));
    }
}
