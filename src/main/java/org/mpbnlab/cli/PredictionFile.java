package org.mpbnlab.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.mpbnlab.io.AtomicFiles;
import org.mpbnlab.io.NpyArray;
import org.mpbnlab.io.NpzArchive;
import org.mpbnlab.train.Predictions;

/**
 * Writes {@link Predictions} atomically, as a NumPy {@code .npz} ({@code logits} float32 N×K,
 * {@code predictions} and {@code labels} int32 N, the dtype {@code record} writes them in) or as a CSV with a header
 * ({@code index,label,prediction,logit_0,…,logit_K−1}; logits printed so that they read back as the same float32).
 */
final class PredictionFile {

    enum Format { NPZ, CSV }

    private PredictionFile() {
    }

    /** The format its extension names; anything else is refused with exit code 2. */
    static Format formatOf(Path out) {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npz")) {
            return Format.NPZ;
        }
        Checks.require(name.endsWith(".csv"), "--out must end in .npz or .csv, got '" + out + "'");
        return Format.CSV;
    }

    static void write(Path out, Format format, Predictions p) throws IOException {
        if (format == Format.NPZ) {
            Map<String, NpyArray> arrays = new LinkedHashMap<>();
            arrays.put("logits", NpyArray.ofFloat(new int[] {p.count(), p.classes()}, p.logits()));
            arrays.put("predictions", NpyArray.ofInt(new int[] {p.count()}, p.predictions()));
            arrays.put("labels", NpyArray.ofInt(new int[] {p.count()}, p.labels()));
            NpzArchive.write(out, arrays);
            return;
        }
        AtomicFiles.write(out, stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            StringBuilder line = new StringBuilder("index,label,prediction");
            for (int k = 0; k < p.classes(); k++) {
                line.append(",logit_").append(k);
            }
            writer.write(line.append('\n').toString());
            for (int i = 0; i < p.count(); i++) {
                line.setLength(0);
                line.append(i).append(',').append(p.labels()[i]).append(',').append(p.predictions()[i]);
                for (int k = 0; k < p.classes(); k++) {
                    line.append(',').append(p.logits()[i * p.classes() + k]);
                }
                writer.write(line.append('\n').toString());
            }
            writer.flush();
        });
    }
}
