package org.mpbnlab.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Two-dimensional toy problems (the classic playground sets). Every point is drawn from its class's
 * curve or cluster and then jittered by Gaussian noise of standard deviation {@code noise}, in the
 * same units as the coordinates, which lie roughly in [−1, 1].
 */
public enum PlanarShape {

    /** Three interleaved spiral arms, each turning 1.5 times: r = 0.05 + 0.95·s, θ = 2πc/3 + 3π·s. */
    SPIRALS("spirals", "3 interleaved spiral arms", 0.04, List.of("arm A", "arm B", "arm C")) {
        @Override
        void point(int label, SplittableRandom rng, double[] xy) {
            double s = rng.nextDouble();
            double radius = 0.05 + 0.95 * s;
            double angle = 2 * Math.PI * label / 3 + 3 * Math.PI * s;
            xy[0] = radius * Math.cos(angle);
            xy[1] = radius * Math.sin(angle);
        }
    },

    /** Two interlocking half circles: upper (cos a, sin a) and lower (1 − cos a, ½ − sin a), centred. */
    MOONS("moons", "2 interlocking half moons", 0.1, List.of("upper moon", "lower moon")) {
        @Override
        void point(int label, SplittableRandom rng, double[] xy) {
            double a = Math.PI * rng.nextDouble();
            double x = label == 0 ? Math.cos(a) : 1 - Math.cos(a);
            double y = label == 0 ? Math.sin(a) : 0.5 - Math.sin(a);
            xy[0] = (x - 0.5) / 1.5;
            xy[1] = (y - 0.25) / 1.5;
        }
    },

    /** A small circle (r = 0.4) inside a large one (r = 0.9). */
    CIRCLES("circles", "2 concentric circles", 0.08, List.of("inner circle", "outer circle")) {
        @Override
        void point(int label, SplittableRandom rng, double[] xy) {
            double a = 2 * Math.PI * rng.nextDouble();
            double radius = label == 0 ? 0.4 : 0.9;
            xy[0] = radius * Math.cos(a);
            xy[1] = radius * Math.sin(a);
        }
    },

    /** Uniform points in the four quadrants; class = whether sign(x) equals sign(y). */
    XOR("xor", "2 classes in opposite quadrants (exclusive or)", 0.05, List.of("same signs", "opposite signs")) {
        @Override
        void point(int label, SplittableRandom rng, double[] xy) {
            double sx = rng.nextBoolean() ? 1 : -1;
            double sy = label == 0 ? sx : -sx;
            xy[0] = sx * (0.05 + 0.95 * rng.nextDouble());
            xy[1] = sy * (0.05 + 0.95 * rng.nextDouble());
        }
    },

    /** Four Gaussian clusters centred at (±0.5, ±0.5); the noise is their spread. */
    BLOBS("blobs", "4 Gaussian clusters", 0.25, List.of("blob NE", "blob NW", "blob SW", "blob SE")) {
        @Override
        void point(int label, SplittableRandom rng, double[] xy) {
            xy[0] = (label == 0 || label == 3) ? 0.5 : -0.5;
            xy[1] = label <= 1 ? 0.5 : -0.5;
        }
    };

    private final String registryName;
    private final String description;
    private final double defaultNoise;
    private final List<String> classNames;

    PlanarShape(String registryName, String description, double defaultNoise, List<String> classNames) {
        this.registryName = registryName;
        this.description = description;
        this.defaultNoise = defaultNoise;
        this.classNames = classNames;
    }

    /** Writes the noise-free point of class {@code label} into {@code xy}. */
    abstract void point(int label, SplittableRandom rng, double[] xy);

    public String registryName() {
        return registryName;
    }

    public String description() {
        return description;
    }

    public double defaultNoise() {
        return defaultNoise;
    }

    public List<String> classNames() {
        return classNames;
    }
}
