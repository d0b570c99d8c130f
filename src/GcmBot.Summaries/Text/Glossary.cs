using System.Text.RegularExpressions;

namespace GcmBot.Summaries.Text;

/// <summary>
/// A small French and Spanish to English term list for the domain of migration, so that a card written in French or
/// Spanish can be matched with the English card that makes the same proposal. It only serves the comparison; what the
/// report says is never translated by it.
/// </summary>
internal static partial class Glossary
{
    private static readonly Dictionary<string, string> _english = Build(
        // French
        "élargir expand|étendre expand|développer develop|renforcer strengthen|améliorer improve|réduire reduce|abolir abolish|supprimer abolish|mettre end|fin end|garantir guarantee|protéger protect|"
        + "voie pathways|voies pathways|filière pathways|filières pathways|régulière regular|régulières regular|régulier regular|réguliers regular|sûre safe|sûres safe|"
        + "travailleur workers|travailleurs workers|travailleuse workers|travailleuses workers|migrant migrant|migrants migrant|migrante migrant|migrantes migrant|migration migration|migrations migration|migratoire migration|migratoires migration|"
        + "niveau levels|niveaux levels|compétence skill|compétences skill|qualification skill|qualifications skill|tous all|toutes all|"
        + "frais fees|recrutement recruitment|agence agencies|agences agencies|détention detention|enfant children|enfants children|"
        + "données data|statistique statistics|statistiques statistics|coût cost|coûts cost|transfert remittances|transferts remittances|envois remittances|fonds remittances|"
        + "droit rights|droits rights|humain human|humains human|humaines human|famille families|familles families|regroupement reunification|"
        + "accord agreements|accords agreements|bilatéral bilateral|bilatéraux bilateral|bilatérale bilateral|main labour|œuvre labour|travail labour|emploi employment|employeurs employers|syndicats unions|"
        + "retour return|réintégration reintegration|frontière border|frontières border|traite trafficking|passeurs smuggling|trafic smuggling|intégration integration|santé health|éducation education|"
        // Spanish
        + "ampliar expand|extender expand|fortalecer strengthen|mejorar improve|reducir reduce|eliminar abolish|poner end|garantizar guarantee|proteger protect|"
        + "vía pathways|vías pathways|regular regular|regulares regular|segura safe|seguras safe|"
        + "trabajador workers|trabajadores workers|trabajadora workers|trabajadoras workers|migración migration|migratoria migration|migratorias migration|"
        + "nivel levels|niveles levels|cualificación skill|calificación skill|todos all|todas all|"
        + "tasas fees|comisiones fees|contratación recruitment|agencias agencies|detención detention|niño children|niños children|niñas children|"
        + "datos data|estadísticas statistics|costo cost|coste cost|remesas remittances|"
        + "derecho rights|derechos rights|humanos human|familia families|familias families|reunificación reunification|"
        + "acuerdos agreements|bilaterales bilateral|laboral labour|laborales labour|empleo employment|empleadores employers|sindicatos unions|"
        + "retorno return|reintegración reintegration|frontera border|fronteras border|trata trafficking|tráfico smuggling|integración integration|salud health|educación education");

    /// <summary>
    /// A card's terms for comparison: the terms of its language; but a card in French or Spanish most of whose content
    /// words the list knows is compared in their English terms, so that it joins the English card saying the same
    /// (and a card in its own language saying the same in the same words).
    /// </summary>
    public static List<string> Terms(string text, string language, TextAnalyzer analyzer)
    {
        var own = analyzer.Terms(text, language);
        if (language is not (LanguageGuess.French or LanguageGuess.Spanish))
        {
            return own;
        }

        var english = Word().Matches(text).Select(w => _english.GetValueOrDefault(w.Value.ToLowerInvariant())).OfType<string>().ToList();
        return english.Count > 0 && 2 * english.Count >= own.Count ? analyzer.Terms(string.Join(' ', english), LanguageGuess.English) : own;
    }

    private static Dictionary<string, string> Build(string pairs) =>
        pairs.Split('|').Select(p => p.Split(' ')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
