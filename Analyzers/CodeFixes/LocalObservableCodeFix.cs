using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NegLR.Analyzers;

namespace NegLR.CodeFixes;

/// <summary>
/// NLR0301: turns a global cost into its local form — each multi-qubit term c·P₁P₂…P_k becomes c·(P₁ + … + P_k)
/// (a sum of local terms) or c/k·(P₁ + … + P_k) (their mean), as Cerezo et al. 2021 do for global costs.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LocalObservableCodeFix)), Shared]
public sealed class LocalObservableCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.GlobalCostId);

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
            || !literal.IsKind(SyntaxKind.StringLiteralExpression)
            || PauliSumParser.ParseTerms(literal.Token.ValueText, out _) is not { } terms
            || !terms.Any(t => Bits(t.XMask | t.ZMask) > 1))
        {
            return;
        }

        foreach (var (mean, title) in new[] { (false, "Use a sum of local terms"), (true, "Use the mean of local terms") })
        {
            string text = Localise(terms, mean);
            context.RegisterCodeFix(
                CodeAction.Create($"{title}: \"{text}\"", ct => Replace(context.Document, root, literal, text), nameof(LocalObservableCodeFix) + (mean ? ".Mean" : ".Sum")),
                context.Diagnostics);
        }
    }

    /// <summary>The local form of <paramref name="terms"/>: multi-qubit terms split into single-qubit ones, like terms merged.</summary>
    internal static string Localise(List<(double Coefficient, int XMask, int ZMask)> terms, bool mean)
    {
        var order = new List<(int X, int Z)>();
        var sums = new Dictionary<(int X, int Z), double>();
        void Add(double c, int x, int z)
        {
            if (sums.TryGetValue((x, z), out double sum))
            {
                sums[(x, z)] = sum + c;
            }
            else
            {
                sums[(x, z)] = c;
                order.Add((x, z));
            }
        }

        foreach (var (c, x, z) in terms)
        {
            int support = x | z;
            int k = Bits(support);
            if (k <= 1)
            {
                Add(c, x, z);
                continue;
            }

            for (int q = 0; q < 31; q++)
            {
                int bit = 1 << q;
                if ((support & bit) != 0)
                {
                    Add(mean ? c / k : c, x & bit, z & bit);
                }
            }
        }

        var text = new StringBuilder();
        foreach (var key in order)
        {
            double c = sums[key];
            if (c == 0)
            {
                continue;
            }

            string label = Label(key.X, key.Z);
            bool negative = c < 0;
            double magnitude = negative ? -c : c;
            text.Append(text.Length == 0 ? (negative ? "-" : "") : (negative ? " - " : " + "));
            if (label.Length == 0)
            {
                text.Append(Number(magnitude));
            }
            else
            {
                text.Append(magnitude == 1 ? label : Number(magnitude) + " " + label);
            }
        }

        return text.Length == 0 ? "0" : text.ToString();
    }

    private static Task<Document> Replace(Document document, SyntaxNode root, LiteralExpressionSyntax literal, string text)
    {
        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text)).WithTriviaFrom(literal);
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(literal, replacement)));
    }

    private static string Label(int x, int z)
    {
        var parts = new List<string>();
        for (int q = 0; q < 31; q++)
        {
            bool hasX = ((x >> q) & 1) != 0, hasZ = ((z >> q) & 1) != 0;
            if (hasX || hasZ)
            {
                parts.Add((hasX ? (hasZ ? "Y" : "X") : "Z") + q.ToString(CultureInfo.InvariantCulture));
            }
        }

        return string.Join(" ", parts);
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static int Bits(int mask)
    {
        int n = 0;
        for (; mask != 0; mask &= mask - 1)
        {
            n++;
        }

        return n;
    }
}
