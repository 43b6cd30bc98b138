using System;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NegLR.Analyzers;
using NegLR.Analyzers.Trainability;

namespace NegLR.CodeFixes;

/// <summary>
/// NLR0302, NLR0303 and NLR0304 (noise-induced plateau): reduces the number of layers to the trainable depth the analyzer computed and passed in the
/// diagnostic's properties — for a template, the deepest count that raises no trainability warning (searched from one
/// layer up, <c>LayerSearch</c>); for a body, ⌊neglr.max_entangling_depth_factor × log₂ n⌋ — written into
/// <c>Layers = …</c> of a template, or the constant that bounds the [Circuit] body's layer loop
/// (<c>const int Layers = 12</c>, or a literal <c>layer &lt; 12</c>). For NLR0304 on a body the analyzer passes the
/// fraction of the circuit's noise layers the bound allows, and the fix scales the loop's bound by it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReduceLayersCodeFix)), Shared]
public sealed class ReduceLayersCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DeepLocalCostId, DiagnosticDescriptors.TwoDesignDepthId, DiagnosticDescriptors.NoiseInducedPlateauId);

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        int layers = 0;
        double fraction = 0;
        bool byFraction = diagnostic.Properties.TryGetValue(NoisePlateauAnalyzer.TrainableFractionProperty, out var fractionText)
            && double.TryParse(fractionText, NumberStyles.Float, CultureInfo.InvariantCulture, out fraction) && fraction > 0 && fraction < 1;
        if (!byFraction
            && (!diagnostic.Properties.TryGetValue(TrainabilityAnalyzer.TrainableLayersProperty, out var text)
                || !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out layers) || layers < 1))
        {
            return;
        }

        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        string title = diagnostic.Id == DiagnosticDescriptors.NoiseInducedPlateauId
            ? $"Reduce to {layers} layer(s), the deepest trainable depth under this noise"
            : $"Reduce to {layers} layer(s), the configured trainable depth";
        if (!byFraction && node?.FirstAncestorOrSelf<AttributeArgumentSyntax>() is { NameEquals.Name.Identifier.ValueText: "Layers" } argument)
        {
            context.RegisterCodeFix(CodeAction.Create(title,
                _ => Task.FromResult(document.WithSyntaxRoot(root!.ReplaceNode(argument.Expression, Literal(layers).WithTriviaFrom(argument.Expression)))),
                nameof(ReduceLayersCodeFix)), diagnostic);
            return;
        }

        if (node?.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method
            || await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false) is not { } model
            || FindLayerBound(method, model, context.CancellationToken) is not { } bound)
        {
            return;
        }

        if (byFraction)
        {
            // The loop's current bound, scaled: the body's layers are its loop iterations, spread evenly over its noise layers.
            if (model.GetConstantValue(bound, context.CancellationToken) is not { HasValue: true, Value: int current }
                || (layers = (int)Math.Floor(current * fraction)) < 1 || layers >= current)
            {
                return;
            }

            title = $"Reduce to {layers} layer(s), the deepest trainable depth under this noise";
        }

        context.RegisterCodeFix(CodeAction.Create(title, ct => Apply(document.Project.Solution, bound, layers, ct), nameof(ReduceLayersCodeFix)), diagnostic);
    }

    /// <summary>
    /// The expression to set: the initializer of the const that bounds a layer loop (<c>for (int layer = 0; layer &lt; Layers; …)</c>,
    /// recognised by "layer" in the loop variable's or the constant's name), or the loop's literal bound.
    /// </summary>
    private static ExpressionSyntax? FindLayerBound(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var loop in method.DescendantNodes().OfType<ForStatementSyntax>())
        {
            if (loop.Condition is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LessThanExpression, Left: IdentifierNameSyntax variable } condition)
            {
                continue;
            }

            var right = condition.Right;
            bool named = variable.Identifier.ValueText.IndexOf("layer", StringComparison.OrdinalIgnoreCase) >= 0;
            if (right is LiteralExpressionSyntax literal && named)
            {
                return literal;
            }

            if (model.GetSymbolInfo(right, cancellationToken).Symbol is { } symbol
                && (symbol is IFieldSymbol { IsConst: true } || symbol is ILocalSymbol { IsConst: true })
                && (named || symbol.Name.IndexOf("layer", StringComparison.OrdinalIgnoreCase) >= 0)
                && symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value })
            {
                return value;
            }
        }

        return null;
    }

    private static async Task<Solution> Apply(Solution solution, ExpressionSyntax bound, int layers, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(bound.SyntaxTree);
        if (document is null || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return solution;
        }

        return document.WithSyntaxRoot(root.ReplaceNode(bound, Literal(layers).WithTriviaFrom(bound))).Project.Solution;
    }

    private static LiteralExpressionSyntax Literal(int value) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(value));
}
