package io.spock.metadata.market;

import io.spock.metadata.market.KindDecision.KindSignal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a listing is a common share, a preferred share, a note, a unit, a warrant or a right, from every
 * signal a KIS master file has, strongest first:
 * <ol>
 *   <li>a depositary receipt (ADR, ADS in either name) is a preferred when its names say so, else a common share;</li>
 *   <li>the Korean name, which KIS writes by hand: 우선주, 채권, 유닛, 워런트, 권리;</li>
 *   <li>for a symbol with a series suffix only, the English name: PFD / PRF / PREF…, NOTES / NTS / DEB… / BDS,
 *       UNIT(S), WTS / WARRANT(S), RIGHTS / RTS, and then the weaker %, SERIES, SER, DEP SHS;</li>
 *   <li>the suffix itself: {@code /UN} unit, {@code /WS} {@code /WT} warrant, {@code /RT} right, a bare trailing
 *       {@code /} preferred, any other suffix a share class (BRK/B); Nasdaq's fifth letter U, W, R, P (NASDAQ's own
 *       symbology: unit, warrant, right, preferred); Tokyo's fifth digit (a class share).</li>
 * </ol>
 * English words count only after a series suffix because company names use them too (PREFERRED BANK, CENT UNIT
 * HLDG). Pure: no store, no network. The counts of real listings each rule touches are in the README.
 */
public final class ListingKinds {

    private static final Pattern DEPOSITARY = Pattern.compile("\\bAD[RS]\\b");
    private static final Pattern PREFERRED_WORDS = Pattern.compile("\\b(PFD|PRF|PRFD|PREF[A-Z]*)\\b");
    private static final Pattern NOTE_WORDS = Pattern.compile("\\b(NOTES?|NTS?|DEB[A-Z]*|BDS|BONDS?)\\b");
    private static final Pattern UNIT_WORDS = Pattern.compile("\\b(UNITS?|UNT)\\b");
    private static final Pattern WARRANT_WORDS = Pattern.compile("\\b(WTS?|WARRANTS?)\\b");
    private static final Pattern RIGHT_WORDS = Pattern.compile("\\b(RIGHTS?|RTS?)\\b");
    private static final Pattern WEAK_PREFERRED_WORDS = Pattern.compile("%|\\b(SERIES|SER|DEP SHS?|DEPOSITARY)\\b");

    /**
     * Korean markers in the order they are tried: 전환우선주 is a preferred, 우선주 유닛 a preferred too. The others
     * must end a word (후순위채권(2060…), 유닛, 콜 워런트(2027…)): 야마다채권추심 is a debt collector, no note.
     */
    private static final List<Marker> KOREAN = List.of(
            new Marker("우선주", Pattern.compile("우선주"), ListingKind.PREFERRED),
            new Marker("채권", wordEnd("채권"), ListingKind.NOTE),
            new Marker("유닛", wordEnd("유닛"), ListingKind.UNIT),
            new Marker("워런트", wordEnd("워런트"), ListingKind.WARRANT),
            new Marker("권리", wordEnd("권리"), ListingKind.RIGHT));

    private static final List<EnglishMarker> ENGLISH = List.of(
            new EnglishMarker(PREFERRED_WORDS, ListingKind.PREFERRED),
            new EnglishMarker(NOTE_WORDS, ListingKind.NOTE),
            new EnglishMarker(UNIT_WORDS, ListingKind.UNIT),
            new EnglishMarker(WARRANT_WORDS, ListingKind.WARRANT),
            new EnglishMarker(RIGHT_WORDS, ListingKind.RIGHT),
            new EnglishMarker(WEAK_PREFERRED_WORDS, ListingKind.PREFERRED));

    /** {@code word} is the plain text {@code words} needs, checked first because most names have none. */
    private record Marker(String word, Pattern words, ListingKind kind) {
    }

    private record EnglishMarker(Pattern words, ListingKind kind) {
    }

    private ListingKinds() {
    }

    /**
     * @param exchange the listing's exchange
     * @param ticker   the ticker in its market's canonical form ({@link TickerForm}), as KIS writes it
     * @param nameEn   the English name, or null
     * @param nameKo   the Korean name, or null (KIS often copies the English name there)
     */
    public static KindDecision decide(Exchange exchange, String ticker, String nameEn, String nameKo) {
        SymbolParts symbol = SymbolParts.of(exchange, ticker);
        String english = nameEn == null ? "" : nameEn.toUpperCase(Locale.ROOT);
        String korean = nameKo == null ? "" : nameKo.toUpperCase(Locale.ROOT);
        if (depositary(english) || depositary(korean)) {
            KindSignal signal = korean.contains("우선주") ? KindSignal.KOREAN_NAME
                    : PREFERRED_WORDS.matcher(english).find() ? KindSignal.ENGLISH_NAME : KindSignal.NONE;
            return symbol.decision(signal == KindSignal.NONE ? ListingKind.COMMON : ListingKind.PREFERRED, true,
                    signal);
        }
        Optional<ListingKind> fromKorean = KOREAN.stream()
                .filter(m -> korean.contains(m.word()) && m.words().matcher(korean).find())
                .map(Marker::kind).findFirst();
        if (fromKorean.isPresent()) {
            return symbol.decision(fromKorean.get(), false, KindSignal.KOREAN_NAME);
        }
        if (!symbol.suffixed()) {
            return KindDecision.PLAIN_COMMON;
        }
        Optional<ListingKind> fromEnglish = ENGLISH.stream().filter(m -> m.words().matcher(english).find())
                .map(EnglishMarker::kind).findFirst();
        if (fromEnglish.isPresent()) {
            return symbol.decision(fromEnglish.get(), false, KindSignal.ENGLISH_NAME);
        }
        return symbol.fromSuffix();
    }

    private static Pattern wordEnd(String word) {
        return Pattern.compile(word + "(?=[\\s(]|$)");
    }

    private static boolean depositary(String name) {
        return name.contains("AD") && DEPOSITARY.matcher(name).find();
    }
}
