package org.mpbnlab.app.train;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the user where to save a model: the app shows a native Save dialog, tests answer with a path of their own
 * (so no dialog opens). Called on the UI thread.
 */
@FunctionalInterface
public interface SaveDialog {

    /**
     * @param folder        the folder the dialog starts in
     * @param suggestedName the file name it proposes
     * @param title         the dialog's title: which run it saves (at Quit one dialog opens per unsaved run)
     * @return the file chosen, or empty when the user cancelled
     */
    Optional<Path> choose(Path folder, String suggestedName, String title);
}
