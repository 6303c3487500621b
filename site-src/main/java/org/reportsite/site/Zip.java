package org.reportsite.site;

/** {@code build --zip}: the offline edition, every file of the site in one zip inside it ({@link OfflineZip}). */
final class Zip implements Stage {
    @Override
    public String name() { return "zip"; }

    @Override
    public boolean runs(BuildContext ctx) { return ctx.options.zip() && !ctx.failed(); }

    @Override
    public String run(BuildContext ctx) {
        String file = OfflineZip.sitePath(ctx.report.meta());
        byte[] zip = OfflineZip.zip(ctx.output.files(), ctx.output::open, ctx.report.meta());
        ctx.output.write(file, zip);
        ctx.products.put(file, new Products.Made(null, zip));
        return file;
    }
}
