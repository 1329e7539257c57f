package org.mpbnlab.app.spikes;

import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * A 28×28 pad to draw a digit or glyph with the mouse: a soft round brush; on release the network answers
 * (the drawing is recorded like a test sample, without a label).
 */
final class DrawingPad {

    private static final int SIZE = SpikesViewModel.PAD_SIZE;
    private static final double CELL = 6;

    private final SpikesViewModel model;
    private final InkPad ink = new InkPad(SIZE);
    /** Where the last press or drag was, in cells: the next drag inks the segment from there. */
    private double lastX;
    private double lastY;
    private final Canvas canvas = new Canvas(SIZE * CELL, SIZE * CELL);
    private final VBox root;

    DrawingPad(SpikesViewModel model) {
        this.model = model;
        canvas.setId("drawing-pad");
        canvas.setOnMousePressed(this::press);
        canvas.setOnMouseDragged(this::drag);
        canvas.setOnMouseReleased(e -> model.selectDrawing(ink.intensities()));
        // another input chosen (a sample, or a new model's first sample): the pad is wiped, not left showing a drawing
        // that is no longer the input
        model.drawingProperty().addListener((obs, old, now) -> {
            if (now == null) {
                ink.clear();
                redraw();
            }
        });
        Tooltip.install(canvas, new Tooltip("Draw with the mouse; the network answers when you let go"));
        Button clear = new Button("Clear");
        clear.setOnAction(e -> {
            ink.clear();
            redraw();
        });
        Label title = new Label("Draw your own");
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        clear.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        clear.setId("drawing-clear");
        root = new VBox(4, new FlowPane(8, 4, title, clear), canvas);
        root.setPadding(new Insets(4));
        redraw();
    }

    VBox root() {
        return root;
    }

    private void press(MouseEvent e) {
        lastX = e.getX() / CELL;
        lastY = e.getY() / CELL;
        ink.dab(lastX, lastY);
        redraw();
    }

    private void drag(MouseEvent e) {
        double x = e.getX() / CELL;
        double y = e.getY() / CELL;
        ink.stroke(lastX, lastY, x, y);
        lastX = x;
        lastY = y;
        redraw();
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                g.setFill(Color.gray(ink.intensities()[y * SIZE + x]));
                g.fillRect(x * CELL, y * CELL, CELL, CELL);
            }
        }
        g.setStroke(Color.web("#999999"));
        g.strokeRect(0.5, 0.5, canvas.getWidth() - 1, canvas.getHeight() - 1);
    }
}
