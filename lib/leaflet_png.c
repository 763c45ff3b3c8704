/* PNG pages with their resolution, written with libpng (cairo writes no pHYs). */
#include <stdint.h>
#include <stdlib.h>

#include <png.h>

#include "leaflet_int.h"

int leaflet_png_write(cairo_surface_t *page, double dpi, FILE *out, const char *name,
                      struct anketa_error *err)
{
    cairo_surface_flush(page);
    int width = cairo_image_surface_get_width(page), height = cairo_image_surface_get_height(page);
    int stride = cairo_image_surface_get_stride(page);
    const unsigned char *data = cairo_image_surface_get_data(page);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    unsigned char *row = malloc((size_t)width * 3 + 1);
    if (png == NULL || info == NULL || row == NULL || data == NULL) {
        png_destroy_write_struct(&png, &info);
        free(row);
        return anketa_error_set(err, ANKETA_ERR_NOMEM, "out of memory");
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(row);
        return anketa_error_at(err, ANKETA_ERR_IO, name, 0, 0, "PNG write failed");
    }
    png_init_io(png, out);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_uint_32 ppm = (png_uint_32)(dpi / 0.0254 + 0.5);
    png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER);
    png_write_info(png, info);
    for (int y = 0; y < height; y++) {
        /* RGB24 keeps each pixel in a native-endian 32-bit word: xRGB. */
        const uint32_t *px = (const uint32_t *)(const void *)(data + (size_t)y * (size_t)stride);
        for (int x = 0; x < width; x++) {
            row[3 * x] = (unsigned char)(px[x] >> 16);
            row[3 * x + 1] = (unsigned char)(px[x] >> 8);
            row[3 * x + 2] = (unsigned char)px[x];
        }
        png_write_row(png, row);
    }
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    free(row);
    return ferror(out) ? anketa_error_at(err, ANKETA_ERR_IO, name, 0, 0, "PNG write failed") : 0;
}
