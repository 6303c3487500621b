package org.reportsite.site;

import org.reportsite.model.Report;
import org.reportsite.model.Reserved;
import org.reportsite.model.Table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Files of the site made from the model rather than pages: the data downloads, each kind made by one named
 * producer. A new kind of download is one more producer in {@link #DOWNLOADS}. A product names what it is made
 * from ({@code source}, compared with {@code equals}): the preview's next build reuses its bytes while that is
 * unchanged.
 */
final class Products {
    private Products() {}

    /** One file to make: its site path, what it is made from, and how. */
    record Product(String file, Object source, Supplier<byte[]> bytes) {}

    /** A product as made: its source and bytes. */
    record Made(Object source, byte[] bytes) {}

    /** A kind of download and the files it makes of a report. */
    record Producer(String name, Function<Report, List<Product>> products) {}

    static final List<Producer> DOWNLOADS = List.of(
            new Producer("CSV per table", Products::csv),
            new Producer("workbook per table", r -> r.tables().values().stream()
                    .map(t -> new Product(Reserved.xlsx(t.id()), t, () -> TableWorkbook.of(t))).toList()),
            new Producer("dataset workbook", r -> List.of(new Product(Reserved.DATASET_XLSX, List.of(r.meta().title(), List.copyOf(r.tables().values())),
                    () -> TableWorkbook.of(r)))),
            new Producer("dataset JSON", r -> List.of(new Product(Reserved.DATASET, List.of(r.meta(), List.copyOf(r.tables().values())),
                    () -> utf8(Downloads.dataset(r))))));

    /** Every download of a report, in the order of {@link #DOWNLOADS}. */
    static List<Product> of(Report report) {
        List<Product> all = new ArrayList<>();
        for (Producer producer : DOWNLOADS) all.addAll(producer.products().apply(report));
        return all;
    }

    /**
     * The downloads of a one-off build, made on a thread of their own from when they are started: they depend on the
     * dataset alone, so they are made while the pages render, on the processor time the pages leave, and the assemble
     * stage only writes them. One at a time: the pages have the other threads.
     */
    static final class Making {
        private final List<Product> products;
        private final Background<List<byte[]>> making;

        private Making(Report report) {
            products = of(report);
            making = Background.start("downloads", "making the downloads", () -> products.stream().map(p -> p.bytes().get()).toList());
        }

        static Making start(Report report) { return new Making(report); }

        List<Product> products() { return products; }

        /** The products' bytes, in order, once made. */
        List<byte[]> made() { return making.await(); }
    }

    private static List<Product> csv(Report report) {
        List<Product> out = new ArrayList<>();
        for (Table t : report.tables().values()) out.add(new Product(Reserved.csv(t.id()), t, () -> utf8(Downloads.csv(t))));
        return out;
    }

    static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
