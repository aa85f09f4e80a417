using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;

namespace Portal.Infrastructure.Search.Analysis;

/// <summary>
/// The tokens of one text as <see cref="VietnameseAnalyzer"/> makes them, exact and folded, kept to be written again: a
/// rebuild writes every text into an exact and a folded field of two indexes, and tokenizing it once instead of four
/// times is most of what analysis costs. The replayed tokens are the analyzer's own (the folded ones come from the same
/// <see cref="ASCIIFoldingFilter"/> run over the exact ones), so the index holds exactly what it held before.
/// </summary>
internal sealed class AnalysedText
{
    private static readonly Analyzer Exact = new VietnameseAnalyzer(fold: false);

    private readonly Tokens exact;
    private readonly Tokens folded;

    private AnalysedText(Tokens exact, Tokens folded)
    {
        this.exact = exact;
        this.folded = folded;
    }

    public static AnalysedText Of(string text)
    {
        Tokens exact;
        using (var stream = Exact.GetTokenStream(SearchFields.TextExact, text))
        {
            exact = Tokens.Capture(stream);
        }

        using var folding = new ASCIIFoldingFilter(new Replay(exact));
        return new AnalysedText(exact, Tokens.Capture(folding));
    }

    /// <summary>A fresh stream of the exact tokens (a stream is consumed by the one field that indexes it).</summary>
    public TokenStream ExactTokens() => new Replay(exact);

    public TokenStream FoldedTokens() => new Replay(folded);

    /// <summary>Term text, position increment and offsets of every token, and what the stream reported at its end.</summary>
    private sealed class Tokens
    {
        private Tokens(char[] chars, int[] values, int count, int finalIncrement, int finalOffset)
        {
            Chars = chars;
            Values = values;
            Count = count;
            FinalIncrement = finalIncrement;
            FinalOffset = finalOffset;
        }

        /// <summary>Every term's characters, one after another.</summary>
        public char[] Chars { get; }

        /// <summary>Per token: start in <see cref="Chars"/>, length, position increment, start offset, end offset.</summary>
        public int[] Values { get; }

        public int Count { get; }

        public int FinalIncrement { get; }

        public int FinalOffset { get; }

        public static Tokens Capture(TokenStream stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var chars = new char[64];
            var values = new int[5 * 8];
            var used = 0;
            var count = 0;
            stream.Reset();
            while (stream.IncrementToken())
            {
                if (used + term.Length > chars.Length)
                {
                    Array.Resize(ref chars, Math.Max(chars.Length * 2, used + term.Length));
                }

                if ((count + 1) * 5 > values.Length)
                {
                    Array.Resize(ref values, values.Length * 2);
                }

                Array.Copy(term.Buffer, 0, chars, used, term.Length);
                var at = count * 5;
                values[at] = used;
                values[at + 1] = term.Length;
                values[at + 2] = increment.PositionIncrement;
                values[at + 3] = offset.StartOffset;
                values[at + 4] = offset.EndOffset;
                used += term.Length;
                count++;
            }

            stream.End();
            return new Tokens(chars, values, count, increment.PositionIncrement, offset.EndOffset);
        }
    }

    private sealed class Replay : TokenStream
    {
        private readonly Tokens tokens;
        private readonly ICharTermAttribute term;
        private readonly IPositionIncrementAttribute increment;
        private readonly IOffsetAttribute offset;
        private int next;

        public Replay(Tokens tokens)
        {
            this.tokens = tokens;
            term = AddAttribute<ICharTermAttribute>();
            increment = AddAttribute<IPositionIncrementAttribute>();
            offset = AddAttribute<IOffsetAttribute>();
        }

        public override bool IncrementToken()
        {
            if (next >= tokens.Count)
            {
                return false;
            }

            ClearAttributes();
            var at = next * 5;
            term.CopyBuffer(tokens.Chars, tokens.Values[at], tokens.Values[at + 1]);
            increment.PositionIncrement = tokens.Values[at + 2];
            offset.SetOffset(tokens.Values[at + 3], tokens.Values[at + 4]);
            next++;
            return true;
        }

        public override void End()
        {
            base.End();
            increment.PositionIncrement = tokens.FinalIncrement;
            offset.SetOffset(tokens.FinalOffset, tokens.FinalOffset);
        }

        public override void Reset()
        {
            base.Reset();
            next = 0;
        }
    }
}
