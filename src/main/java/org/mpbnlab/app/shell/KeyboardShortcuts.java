package org.mpbnlab.app.shell;

import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.mpbnlab.app.shell.MainWindowViewModel.Command;

/**
 * The window's keys, caught on the scene before any control sees them (an event filter, the first stage of
 * event dispatch), so that they work wherever the focus is: a focused text field, tab header or list cannot
 * swallow them. Space plays or pauses even while a settings field has the focus, and is never typed into it;
 * which keys keep their meaning inside a text field is decided by {@link Command#worksInTextFields()}. The menus'
 * keys (Ctrl+H, …) run their item there too, instead of the field's own binding for the same key.
 */
final class KeyboardShortcuts {

    private KeyboardShortcuts() {
    }

    /**
     * A menu's key (Ctrl+H: show or hide the settings, say) pressed while a text field has the focus runs the menu
     * item and never reaches the field: a text field binds some of them itself (Ctrl+H deletes the character before
     * the caret), and its binding would otherwise win over the menu's accelerator.
     */
    private static void menuKeyBeforeTextField(Scene scene, KeyEvent event) {
        if (!(event.getTarget() instanceof TextInputControl)) {
            return;
        }
        for (Map.Entry<KeyCombination, Runnable> accelerator : scene.getAccelerators().entrySet()) {
            if (accelerator.getKey().match(event)) {
                event.consume();
                accelerator.getValue().run();
                return;
            }
        }
    }

    static void install(Scene scene, MainWindowViewModel model) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.isShortcutDown() || event.isAltDown()) {
                menuKeyBeforeTextField(scene, event);
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
