package org.mpbnlab.snn;

/**
 * An independent oracle for {@link Conv2d}: the convolution sum written out as plain nested
 * loops over double arrays, straight from its definition
 * {@code y[n,o,y',x'] = b[o] + Σ_{c,i,j} w[o,c,i,j] · in[n,c,y'+i−p,x'+j−p]} (zero outside).
 */
final class NaiveConvolution {

    private NaiveConvolution() {
    }

    static double[][][][] apply(double[][][][] input, double[][][][] weight, double[] bias, int padding) {
        int samples = input.length;
        int inChannels = input[0].length;
        int height = input[0][0].length;
        int width = input[0][0][0].length;
        int outChannels = weight.length;
        int kernel = weight[0][0].length;
        int outHeight = height + 2 * padding - kernel + 1;
        int outWidth = width + 2 * padding - kernel + 1;
        double[][][][] output = new double[samples][outChannels][outHeight][outWidth];
        for (int n = 0; n < samples; n++) {
            for (int o = 0; o < outChannels; o++) {
                for (int y = 0; y < outHeight; y++) {
                    for (int x = 0; x < outWidth; x++) {
                        double sum = bias == null ? 0.0 : bias[o];
                        for (int c = 0; c < inChannels; c++) {
                            for (int i = 0; i < kernel; i++) {
                                for (int j = 0; j < kernel; j++) {
                                    int row = y + i - padding;
                                    int column = x + j - padding;
                                    if (row >= 0 && row < height && column >= 0 && column < width) {
                                        sum += weight[o][c][i][j] * input[n][c][row][column];
                                    }
                                }
                            }
                        }
                        output[n][o][y][x] = sum;
                    }
                }
            }
        }
        return output;
    }
}
