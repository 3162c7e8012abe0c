import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Regenerates the MediaServer icons TVs show next to DiVA's name: PNG (transparent) and JPEG (on white), 48 and
 * 120 px, the sizes DLNA lists. Needs only a JDK: {@code java upnp/icons/MakeIcons.java}.
 */
public class MakeIcons {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "upnp/src/main/resources/org/diva/upnp/device/icons");
        Files.createDirectories(out);
        for (int size : new int[] {48, 120}) {
            ImageIO.write(draw(size, false), "png", out.resolve("diva-" + size + ".png").toFile());
            writeJpeg(draw(size, true), out.resolve("diva-" + size + ".jpg").toFile());
        }
    }

    /** A play triangle on a rounded tile, with three linked dots for the neighbourhood. */
    private static BufferedImage draw(int size, boolean opaque) {
        BufferedImage image = new BufferedImage(size, size,
                opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        if (opaque) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size, size);
        }
        double u = size / 48.0;
        g.setColor(new Color(0x14506e));
        g.fill(new RoundRectangle2D.Double(u, u, size - 2 * u, size - 2 * u, 14 * u, 14 * u));
        g.setColor(new Color(0xf2a33a));
        g.setStroke(new BasicStroke((float) (1.6 * u)));
        g.draw(new Line2D.Double(10 * u, 10 * u, 10 * u, 38 * u));
        g.draw(new Line2D.Double(10 * u, 10 * u, 38 * u, 10 * u));
        for (double[] dot : new double[][] {{10, 10}, {10, 38}, {38, 10}}) {
            g.fill(new Ellipse2D.Double((dot[0] - 3.5) * u, (dot[1] - 3.5) * u, 7 * u, 7 * u));
        }
        g.setColor(Color.WHITE);
        g.fill(new Polygon(new int[] {(int) Math.round(18 * u), (int) Math.round(18 * u), (int) Math.round(37 * u)},
                new int[] {(int) Math.round(14 * u), (int) Math.round(36 * u), (int) Math.round(25 * u)}, 3));
        g.dispose();
        return image;
    }

    private static void writeJpeg(BufferedImage image, File file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        file.delete();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(file)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
