/* PDF/X-4 from cairo's PDF: colours to DeviceCMYK (operators by the
 * template's inks, RGB images through the output profile with lcms2), an
 * output intent with the embedded profile, XMP and Info version keys. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lcms2.h>

#include "pdf_int.h"
#include "util.h"

struct walk {
    qpdf_data q;
    const struct pdf_finish *f;
    const char *name;
    struct anketa_error *err;
    cmsHTRANSFORM to_cmyk;      /* sRGB to the output profile, 8 bits */
    int *seen;                  /* object ids done (shared XObjects) */
    size_t seen_count;
};

static int fail(struct walk *w, const char *what)
{
    if (qpdf_has_error(w->q)) {
        qpdf_error e = qpdf_get_error(w->q);
        return anketa_error_at(w->err, ANKETA_ERR_IO, w->name, 0, 0, "cannot make PDF/X: %s",
                               qpdf_get_error_full_text(w->q, e));
    }
    return anketa_error_at(w->err, ANKETA_ERR_INVALID, w->name, 0, 0, "cannot make PDF/X: %s",
                           what);
}

/* 1 when the object was already converted (and marks it). */
static int seen(struct walk *w, qpdf_oh oh)
{
    int id = qpdf_oh_get_object_id(w->q, oh);
    if (id == 0)
        return 0;
    for (size_t i = 0; i < w->seen_count; i++)
        if (w->seen[i] == id)
            return 1;
    int *s = realloc(w->seen, (w->seen_count + 1) * sizeof *s);
    if (s == NULL)
        return 0;
    w->seen = s;
    s[w->seen_count++] = id;
    return 0;
}

static int decoded(struct walk *w, qpdf_oh stream, unsigned char **data, size_t *len)
{
    QPDF_BOOL filtered = QPDF_FALSE;
    if ((qpdf_oh_get_stream_data(w->q, stream, qpdf_dl_generalized, &filtered, data, len) &
         QPDF_ERRORS) || !filtered) {
        if (!qpdf_has_error(w->q))
            free(*data);
        return fail(w, "a stream cannot be decoded");
    }
    return 0;
}

static int rewrite_content(struct walk *w, qpdf_oh stream)
{
    unsigned char *data = NULL, *out = NULL;
    size_t len, out_len;
    char why[128];
    if (seen(w, stream))
        return 0;
    int rc = decoded(w, stream, &data, &len);
    if (rc)
        return rc;
    rc = pdf_cmyk_rewrite(data, len, w->f->inks, w->f->ink_count, &out, &out_len, why, sizeof why);
    free(data);
    if (rc < 0)
        return anketa_error_set(w->err, ANKETA_ERR_NOMEM, "out of memory");
    if (rc > 0)
        return fail(w, why);
    qpdf_oh_replace_stream_data(w->q, stream, out, out_len, qpdf_oh_new_null(w->q),
                                qpdf_oh_new_null(w->q));
    free(out);
    return qpdf_has_error(w->q) ? fail(w, "") : 0;
}

static int convert_image(struct walk *w, qpdf_oh image)
{
    qpdf_data q = w->q;
    qpdf_oh dict = qpdf_oh_get_dict(q, image);
    qpdf_oh cs = qpdf_oh_get_key(q, dict, "/ColorSpace");
    QPDF_BOOL mask = QPDF_FALSE;
    int width = 0, height = 0, bpc = 0;
    qpdf_oh_get_value_as_bool(q, qpdf_oh_get_key(q, dict, "/ImageMask"), &mask);
    if (seen(w, image) || mask || qpdf_oh_is_name_and_equals(q, cs, "/DeviceGray") ||
        qpdf_oh_is_name_and_equals(q, cs, "/DeviceCMYK"))
        return 0;
    qpdf_oh_get_value_as_int(q, qpdf_oh_get_key(q, dict, "/Width"), &width);
    qpdf_oh_get_value_as_int(q, qpdf_oh_get_key(q, dict, "/Height"), &height);
    qpdf_oh_get_value_as_int(q, qpdf_oh_get_key(q, dict, "/BitsPerComponent"), &bpc);
    if (!qpdf_oh_is_name_and_equals(q, cs, "/DeviceRGB") || bpc != 8 || width <= 0 || height <= 0)
        return fail(w, "an image in a colour space other than 8-bit DeviceRGB, gray or CMYK");
    unsigned char *rgb = NULL;
    size_t len, pixels = (size_t)width * (size_t)height;
    int rc = decoded(w, image, &rgb, &len);
    if (rc)
        return rc;
    unsigned char *cmyk = len == pixels * 3 ? malloc(pixels * 4) : NULL;
    if (cmyk == NULL) {
        free(rgb);
        return len == pixels * 3 ? anketa_error_set(w->err, ANKETA_ERR_NOMEM, "out of memory")
                                 : fail(w, "an image's data does not match its size");
    }
    cmsDoTransform(w->to_cmyk, rgb, cmyk, (cmsUInt32Number)pixels);
    free(rgb);
    qpdf_oh_replace_stream_data(q, image, cmyk, pixels * 4, qpdf_oh_new_null(q),
                                qpdf_oh_new_null(q));
    free(cmyk);
    qpdf_oh_replace_key(q, qpdf_oh_get_dict(q, image), "/ColorSpace",
                        qpdf_oh_new_name(q, "/DeviceCMYK"));
    return qpdf_has_error(q) ? fail(w, "") : 0;
}

/* A transparency group blends in CMYK. */
static void group_cmyk(struct walk *w, qpdf_oh dict)
{
    qpdf_oh group = qpdf_oh_get_key(w->q, dict, "/Group");
    if (qpdf_oh_is_dictionary(w->q, group) && qpdf_oh_has_key(w->q, group, "/CS"))
        qpdf_oh_replace_key(w->q, group, "/CS", qpdf_oh_new_name(w->q, "/DeviceCMYK"));
}

static int walk_resources(struct walk *w, qpdf_oh res);

static int walk_xobjects(struct walk *w, qpdf_oh xobjects)
{
    qpdf_data q = w->q;
    /* The key iterator is one per document: collect, then recurse. */
    size_t n = 0, cap = 0;
    qpdf_oh *items = NULL;
    qpdf_oh_begin_dict_key_iter(q, xobjects);
    while (qpdf_oh_dict_more_keys(q)) {
        if (n == cap) {
            qpdf_oh *grown = realloc(items, (cap = cap * 2 + 16) * sizeof *items);
            if (grown == NULL) {
                free(items);
                return anketa_error_set(w->err, ANKETA_ERR_NOMEM, "out of memory");
            }
            items = grown;
        }
        items[n++] = qpdf_oh_get_key(q, xobjects, qpdf_oh_dict_next_key(q));
    }
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        qpdf_oh dict = qpdf_oh_get_dict(q, items[i]);
        qpdf_oh subtype = qpdf_oh_get_key(q, dict, "/Subtype");
        if (qpdf_oh_is_name_and_equals(q, subtype, "/Image")) {
            rc = convert_image(w, items[i]);
        } else if (qpdf_oh_is_name_and_equals(q, subtype, "/Form")) {
            group_cmyk(w, dict);
            if ((rc = rewrite_content(w, items[i])) == 0)
                rc = walk_resources(w, qpdf_oh_get_key(q, dict, "/Resources"));
        }
    }
    free(items);
    return rc;
}

static int walk_resources(struct walk *w, qpdf_oh res)
{
    qpdf_data q = w->q;
    if (!qpdf_oh_is_dictionary(q, res))
        return 0;
    if (qpdf_oh_has_key(q, res, "/Pattern") || qpdf_oh_has_key(q, res, "/Shading"))
        return fail(w, "patterns and shadings are not converted to CMYK");
    qpdf_oh xobjects = qpdf_oh_get_key(q, res, "/XObject");
    return qpdf_oh_is_dictionary(q, xobjects) ? walk_xobjects(w, xobjects) : 0;
}

static int walk_page(struct walk *w, qpdf_oh page)
{
    qpdf_data q = w->q;
    qpdf_oh contents = qpdf_oh_get_key(q, page, "/Contents");
    int rc = 0;
    group_cmyk(w, page);
    if (qpdf_oh_is_array(q, contents))
        for (int i = 0; rc == 0 && i < qpdf_oh_get_array_n_items(q, contents); i++)
            rc = rewrite_content(w, qpdf_oh_get_array_item(q, contents, i));
    else if (qpdf_oh_is_stream(q, contents))
        rc = rewrite_content(w, contents);
    return rc ? rc : walk_resources(w, qpdf_oh_get_key(q, page, "/Resources"));
}

static qpdf_oh new_stream(qpdf_data q, const void *data, size_t len)
{
    qpdf_oh s = qpdf_oh_new_stream(q);
    qpdf_oh_replace_stream_data(q, s, data, len, qpdf_oh_new_null(q), qpdf_oh_new_null(q));
    return s;
}

static void put_key(qpdf_data q, qpdf_oh dict, const char *key, qpdf_oh value)
{
    qpdf_oh_replace_key(q, dict, key, value);
}

static void output_intent(struct walk *w, const char *profile, size_t len, const char *desc)
{
    qpdf_data q = w->q;
    qpdf_oh icc = new_stream(q, profile, len);
    put_key(q, qpdf_oh_get_dict(q, icc), "/N", qpdf_oh_new_integer(q, 4));
    qpdf_oh intent = qpdf_oh_new_dictionary(q);
    put_key(q, intent, "/Type", qpdf_oh_new_name(q, "/OutputIntent"));
    put_key(q, intent, "/S", qpdf_oh_new_name(q, "/GTS_PDFX"));
    put_key(q, intent, "/OutputConditionIdentifier", qpdf_oh_new_string(q, "Custom"));
    put_key(q, intent, "/OutputCondition", qpdf_oh_new_string(q, desc));
    put_key(q, intent, "/Info", qpdf_oh_new_string(q, desc));
    put_key(q, intent, "/RegistryName", qpdf_oh_new_string(q, ""));
    put_key(q, intent, "/DestOutputProfile", icc);
    qpdf_oh intents = qpdf_oh_new_array(q);
    qpdf_oh_append_item(q, intents, intent);
    put_key(q, qpdf_get_root(q), "/OutputIntents", intents);
}

/* The XMP that PDF/X-4 asks for; dates as pdfmeta writes them into Info. */
static void metadata(struct walk *w)
{
    qpdf_data q = w->q;
    time_t t = anketa_now();
    struct tm tm;
    char date[32], title[256], xmp[2048];
    gmtime_r(&t, &tm);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
    /* A document id from the title and date, the same on every run. */
    uint64_t h = 14695981039346656037u;
    size_t n = 0;
    for (const char *p = w->f->title ? w->f->title : ""; *p && n + 6 < sizeof title; p++) {
        h = (h ^ (unsigned char)*p) * 1099511628211u;
        const char *esc = *p == '&' ? "&amp;" : *p == '<' ? "&lt;" : *p == '>' ? "&gt;" : NULL;
        if (esc)
            n += (size_t)snprintf(title + n, sizeof title - n, "%s", esc);
        else
            title[n++] = *p;
    }
    title[n] = '\0';
    h ^= (uint64_t)t;
    int len = snprintf(xmp, sizeof xmp,
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "<rdf:Description rdf:about=\"\"\n"
        " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
        " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
        " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
        " xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n"
        " xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\">\n"
        "<dc:format>application/pdf</dc:format>\n"
        "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n"
        "<xmp:CreatorTool>anketa</xmp:CreatorTool>\n"
        "<xmp:CreateDate>%s</xmp:CreateDate>\n"
        "<xmp:ModifyDate>%s</xmp:ModifyDate>\n"
        "<xmp:MetadataDate>%s</xmp:MetadataDate>\n"
        "<pdf:Trapped>False</pdf:Trapped>\n"
        "<xmpMM:DocumentID>uuid:%08x-%04x-4%03x-8%03x-%012llx</xmpMM:DocumentID>\n"
        "<xmpMM:VersionID>1</xmpMM:VersionID>\n"
        "<xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n"
        "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>\n"
        "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n",
        title, date, date, date, (unsigned)(h >> 32), (unsigned)(h >> 16) & 0xFFFF,
        (unsigned)(h >> 4) & 0xFFF, (unsigned)h & 0xFFF,
        (unsigned long long)(h * 1099511628211u) & 0xFFFFFFFFFFFFull);
    qpdf_oh s = new_stream(q, xmp, (size_t)len);
    put_key(q, qpdf_oh_get_dict(q, s), "/Type", qpdf_oh_new_name(q, "/Metadata"));
    put_key(q, qpdf_oh_get_dict(q, s), "/Subtype", qpdf_oh_new_name(q, "/XML"));
    put_key(q, qpdf_get_root(q), "/Metadata", s);
    qpdf_set_info_key(q, "/GTS_PDFXVersion", "PDF/X-4");
    qpdf_oh info = qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Info");
    if (qpdf_oh_is_dictionary(q, info))
        put_key(q, info, "/Trapped", qpdf_oh_new_name(q, "/False"));
}

int pdf_x_apply(qpdf_data q, const struct pdf_finish *f, const char *name,
                struct anketa_error *err)
{
    struct walk w = { q, f, name, err, NULL, NULL, 0 };
    size_t len;
    char *profile = anketa_read_file(PDF_CMYK_PROFILE, &len, err);
    if (profile == NULL)
        return anketa_error_set(err, ANKETA_ERR_IO, "%s: cannot read the CMYK profile of "
                                "--pdfx (install Debian's libgs-common)", PDF_CMYK_PROFILE);
    cmsHPROFILE cmyk = cmsOpenProfileFromMem(profile, (cmsUInt32Number)len);
    cmsHPROFILE srgb = cmsCreate_sRGBProfile();
    char desc[256] = "CMYK";
    int rc = 0;
    if (cmyk == NULL || cmsGetColorSpace(cmyk) != cmsSigCmykData)
        rc = anketa_error_set(err, ANKETA_ERR_INVALID, "%s: not a CMYK ICC profile",
                              PDF_CMYK_PROFILE);
    else {
        cmsGetProfileInfoASCII(cmyk, cmsInfoDescription, "en", "US", desc, sizeof desc);
        w.to_cmyk = cmsCreateTransform(srgb, TYPE_RGB_8, cmyk, TYPE_CMYK_8,
                                       INTENT_RELATIVE_COLORIMETRIC,
                                       cmsFLAGS_BLACKPOINTCOMPENSATION);
        if (w.to_cmyk == NULL)
            rc = anketa_error_set(err, ANKETA_ERR_INVALID, "%s: no transform from sRGB",
                                  PDF_CMYK_PROFILE);
    }
    int pages = qpdf_get_num_pages(q);
    for (int i = 0; rc == 0 && i < pages; i++)
        rc = walk_page(&w, qpdf_get_page_n(q, (size_t)i));
    if (rc == 0) {
        output_intent(&w, profile, len, desc);
        metadata(&w);
        if (qpdf_has_error(q))
            rc = fail(&w, "");
    }
    if (w.to_cmyk)
        cmsDeleteTransform(w.to_cmyk);
    if (cmyk)
        cmsCloseProfile(cmyk);
    cmsCloseProfile(srgb);
    free(profile);
    free(w.seen);
    return rc;
}
