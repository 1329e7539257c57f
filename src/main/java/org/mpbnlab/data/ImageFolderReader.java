package org.mpbnlab.data;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The usual image-folder layout: {@code <folder>/train/<class>/*.png} and {@code <folder>/test/<class>/*.png}.
 * Class names are the training class folders in alphabetical order; the test split may lack a class but not
 * have one of its own. All images must have one size; grayscale images give one channel, and if any image
 * has colour every image is read as three (red, green, blue). Pixels are 8-bit: raw = byte / 255. Hidden
 * files are skipped; any other file that is not a {@code .png} is refused.
 */
final class ImageFolderReader {

    /** A generous bound, so a wrong folder does not fill the memory: 2 million images. */
    private static final int MAX_IMAGES = 2_000_000;

    private ImageFolderReader() {
    }

    /** One image: one plane of 8-bit values per channel (one for gray, three for red, green, blue). */
    record Image(byte[][] planes, int width, int height, Path file) {
        boolean colour() {
            return planes.length == 3;
        }
    }

    static Dataset read(Path folder, String name, long seed) {
        Path trainFolder = folder.resolve("train");
        Path testFolder = folder.resolve("test");
        if (!Files.isDirectory(testFolder)) {
            throw new DatasetException(folder + " has train/ but no test/ folder; an image-folder dataset needs "
                    + "train/<class>/*.png and test/<class>/*.png");
        }
        List<String> classes = classFolders(trainFolder);
        if (classes.size() < 2) {
            throw new DatasetException(trainFolder + " holds " + classes.size() + " class folder(s); a classifier "
                    + "needs at least 2 (one folder of PNG images per class)");
        }
        for (String testClass : classFolders(testFolder)) {
            if (!classes.contains(testClass)) {
                throw new DatasetException(testFolder + " has a class folder '" + testClass + "' that train/ lacks; "
                        + "the model can only learn classes it is trained on");
            }
        }
        List<Image> trainImages = new ArrayList<>();
        List<Integer> trainLabels = new ArrayList<>();
        List<Image> testImages = new ArrayList<>();
        List<Integer> testLabels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            readClass(trainFolder.resolve(classes.get(c)), c, trainImages, trainLabels);
            Path testClass = testFolder.resolve(classes.get(c));
            if (Files.isDirectory(testClass)) {
                readClass(testClass, c, testImages, testLabels);
            }
        }
        boolean colour = Stream.concat(trainImages.stream(), testImages.stream()).anyMatch(Image::colour);
        Image first = trainImages.isEmpty() ? null : trainImages.get(0);
        RawSplit train = split(trainImages, trainLabels, colour, first);
        RawSplit test = split(testImages, testLabels, colour, first);
        return UserDatasets.build(name, classes, UserDatasets.shuffled(train, seed), UserDatasets.shuffled(test, seed),
                0, DataOrigin.pixels("file", "image-folder", folder.toAbsolutePath().normalize().toString()));
    }

    private static List<String> classFolders(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new DatasetException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void readClass(Path folder, int label, List<Image> images, List<Integer> labels) {
        List<Path> files;
        try (Stream<Path> entries = Files.list(folder)) {
            files = entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new DatasetException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            if (fileName.equals("Thumbs.db") || fileName.equals("desktop.ini")) {
                continue;
            }
            if (!fileName.toLowerCase(Locale.ROOT).endsWith(".png") || !Files.isRegularFile(file)) {
                throw new DatasetException(file + " is not a PNG image; a class folder holds only .png files");
            }
            if (images.size() >= MAX_IMAGES) {
                throw new DatasetException(folder + ": more than " + MAX_IMAGES + " images; use a .npz for a set this large");
            }
            images.add(readPng(file));
            labels.add(label);
        }
    }

    static Image readPng(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new DatasetException(file + " cannot be read as a PNG image (the file is damaged or not a PNG); "
                    + "save it again as an 8-bit PNG", e);
        }
        if (image == null) {
            throw new DatasetException(file + " is not a PNG image MPBN Lab can read");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        if ((long) width * height > 16_000_000) {
            throw new DatasetException(file + " is " + width + "×" + height + "; images may hold at most 16 million pixels");
        }
        byte[][] planes = planes(image, file);
        if (planes.length == 3 && Arrays.equals(planes[0], planes[1]) && Arrays.equals(planes[1], planes[2])) {
            planes = new byte[][] {planes[0]};
        }
        return new Image(planes, width, height, file);
    }

    /**
     * The stored 8-bit values, read from the raster as they are in the file (a gray image's
     * {@code getRGB} would convert its values to another colour space); palette images through their palette.
     */
    private static byte[][] planes(BufferedImage image, Path file) {
        int width = image.getWidth();
        int height = image.getHeight();
        Raster raster = image.getRaster();
        ColorModel model = image.getColorModel();
        int colours = model.getNumColorComponents();
        if (model instanceof IndexColorModel || colours == 3 && model.getComponentSize(0) == 8 && raster.getNumBands() >= 3) {
            boolean palette = model instanceof IndexColorModel;
            int[] rgb = palette ? image.getRGB(0, 0, width, height, null, 0, width) : null;
            byte[][] planes = new byte[3][width * height];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int p = y * width + x;
                    for (int c = 0; c < 3; c++) {
                        planes[c][p] = (byte) (palette ? rgb[p] >> (16 - 8 * c) : raster.getSample(x, y, c));
                    }
                }
            }
            return planes;
        }
        if (colours == 1 && model.getComponentSize(0) == 8) {
            byte[] plane = new byte[width * height];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    plane[y * width + x] = (byte) raster.getSample(x, y, 0);
                }
            }
            return new byte[][] {plane};
        }
        throw new DatasetException(file + " is not an 8-bit gray or RGB PNG (it has " + colours + " colour channels of "
                + model.getComponentSize(0) + " bits); save it with 8 bits per channel");
    }

    private static RawSplit split(List<Image> images, List<Integer> labels, boolean colour, Image reference) {
        int channels = colour ? 3 : 1;
        int height = reference == null ? 1 : reference.height();
        int width = reference == null ? 1 : reference.width();
        int plane = height * width;
        float[] raw = new float[images.size() * channels * plane];
        for (int i = 0; i < images.size(); i++) {
            Image image = images.get(i);
            if (image.width() != width || image.height() != height) {
                throw new DatasetException(image.file() + " is " + image.width() + "×" + image.height() + " but "
                        + reference.file() + " is " + width + "×" + height + "; all images need one size");
            }
            int offset = i * channels * plane;
            for (int c = 0; c < channels; c++) {
                byte[] source = image.planes()[Math.min(c, image.planes().length - 1)];
                for (int p = 0; p < plane; p++) {
                    raw[offset + c * plane + p] = (source[p] & 0xff) / 255f;
                }
            }
        }
        int[] labelArray = labels.stream().mapToInt(Integer::intValue).toArray();
        return new RawSplit(raw, labelArray, new int[] {channels, height, width});
    }
}
