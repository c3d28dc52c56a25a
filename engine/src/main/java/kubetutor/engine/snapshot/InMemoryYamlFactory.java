package kubetutor.engine.snapshot;

import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import kubetutor.engine.format.WholeTextReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.parser.ParserImpl;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;

/**
 * Jackson's YAML over text already in memory, read in time linear in its length: a snapshot embeds
 * the files its commands read, and SnakeYAML's own reader is quadratic in the length of one line.
 */
final class InMemoryYamlFactory extends YAMLFactory {
    InMemoryYamlFactory(LoaderOptions options) {
        super(new YAMLFactoryBuilder(new YAMLFactory()).loaderOptions(options));
    }

    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
        StringWriter text = new StringWriter();
        r.transferTo(text);
        return new Parser(ctxt, _parserFeatures, _yamlParserFeatures, _objectCodec, r,
                new ParserImpl(new WholeTextReader(text.toString()), _loaderOptions));
    }

    /** Jackson's parser, given SnakeYAML's with the reader above. */
    private static final class Parser extends YAMLParser {
        Parser(IOContext ctxt, int features, int yamlFeatures, ObjectCodec codec, Reader r, ParserImpl parser) {
            super(ctxt, features, yamlFeatures, codec, r, parser);
        }
    }
}
