package org.voc.cases.rules.domain;

import java.util.ArrayList;
import java.util.List;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Reduces free text to the stems of its words, so that a rule's keyword matches every form of it: «задержкой» and
 * «задержки» stem like «задержка», "delayed" like "delay". Words are letters and digits; each is lower-cased (ё read
 * as е) and stemmed by Lucene's Snowball stemmer of its script: Russian for Cyrillic words, English for Latin ones,
 * unchanged otherwise. Stop words are kept, so that a phrase matches its words in order and nothing in between.
 * Keywords and answers go through the same analysis, which is all that matching needs.
 */
public final class WordForms {

    /** Snowball stemmers keep state between calls: one pair per thread. */
    private static final ThreadLocal<Stemmers> STEMMERS = ThreadLocal.withInitial(Stemmers::new);

    private WordForms() {}

    /** The stems of the words of {@code text}, in order; none for null or blank text. */
    public static List<String> stems(String text) {
        List<String> stems = new ArrayList<>();
        if (text == null) {
            return stems;
        }
        Stemmers stemmers = STEMMERS.get();
        StringBuilder word = new StringBuilder();
        boolean cyrillic = false;
        boolean latin = false;
        int i = 0;
        while (i <= text.length()) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            if (Character.isLetterOrDigit(cp)) {
                int lower = Character.toLowerCase(cp);
                if (lower == 'ё') {
                    lower = 'е';
                }
                Character.UnicodeScript script = Character.UnicodeScript.of(lower);
                cyrillic |= script == Character.UnicodeScript.CYRILLIC;
                latin |= script == Character.UnicodeScript.LATIN;
                word.appendCodePoint(lower);
            } else if (word.length() > 0) {
                stems.add(stem(stemmers, word.toString(), cyrillic, latin));
                word.setLength(0);
                cyrillic = false;
                latin = false;
            }
            i += i < text.length() ? Character.charCount(cp) : 1;
        }
        return stems;
    }

    private static String stem(Stemmers stemmers, String word, boolean cyrillic, boolean latin) {
        // A word mixing scripts ("iPhoneом") is left as written: neither stemmer knows it.
        if (cyrillic == latin) {
            return word;
        }
        SnowballStemmer stemmer = cyrillic ? stemmers.russian : stemmers.english;
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    private static final class Stemmers {
        final SnowballStemmer russian = new RussianStemmer();
        final SnowballStemmer english = new EnglishStemmer();
    }
}
