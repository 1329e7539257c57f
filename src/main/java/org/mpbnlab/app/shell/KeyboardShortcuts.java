package org.mpbnlab.app.shell;

import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import org.mpbnlab.app.shell.MainWindowViewModel.Command;

/**
 * The window's keys, caught on the scene before any control sees them (an event filter, the first stage of
 * event dispatch), so that they work wherever the focus is: a focused text field, tab header or list cannot
 * swallow them. Space plays or pauses even while a settings field has the focus, and is never typed into it;
 * which keys keep their meaning inside a text field is decided by {@link Command#worksInTextFields()}.
 */
final class KeyboardShortcuts {

    private KeyboardShortcuts() {
    }

    static void install(Scene scene, MainWindowViewModel model) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.isShortcutDown() || event.isAltDown()) {
                return;
            }
            boolean inTextField = event.getTarget() instanceof TextInputControl;
            Optional<Command> command = Command.of(event.getCode())
                    .filter(c -> !inTextField || c.worksInTextFields());
            if (command.map(model::perform).orElse(false)) {
                event.consume();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            if (" ".equals(event.getCharacter()) && !event.isShortcutDown() && !event.isAltDown()) {
                event.consume();
            }
        });
    }
}
