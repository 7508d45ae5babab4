package org.vigil.matching.evidence;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Inflection-insensitive word forms: Lucene's KStem ("monitors" → "monitor", "testing" → "test"), a conservative
 * English stemmer that leaves coined product names alone. Words with digits (model numbers) are never stemmed.
 */
final class Stems {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final ThreadLocal<Stemmer> STEMMER = ThreadLocal.withInitial(Stemmer::new);

    private Stems() {
    }

    static String of(String word) {
        if (word.length() < 4 || word.chars().anyMatch(Character::isDigit)) {
            return word;
        }
        if (CACHE.size() > 200_000) {
            CACHE.clear();
        }
        return CACHE.computeIfAbsent(word, w -> STEMMER.get().stem(w));
    }

    private static final class Stemmer {
        private final KeywordTokenizer tokenizer = new KeywordTokenizer();
        private final TokenStream stream = new KStemFilter(tokenizer);
        private final CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);

        String stem(String word) {
            try {
                tokenizer.setReader(new StringReader(word));
                stream.reset();
                String out = stream.incrementToken() ? term.toString() : word;
                stream.end();
                stream.close();
                return out.isEmpty() ? word : out;
            } catch (IOException e) {
                return word;
            }
        }
    }
}
