using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NegLR.Generator.Optimizers;

namespace NegLR.Analyzers.Schedules;

/// <summary>
/// NLR05xx: optimizer declarations ([Adam], [Sgd], …, [NegativeLearningRate], the schedule attributes) the generator
/// would refuse. The rules are the generator's own (<see cref="ScheduleValidation"/>, linked as source); this analyzer
/// only runs them on each type and reports every problem at the argument at fault, else at the attribute.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OptimizerScheduleAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ScheduleRules.All.Add(DiagnosticDescriptors.AnalyzerFailure);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        // Diagnostics point at what the user wrote; the generator's own partial part is never analysed.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // The attribute classes, resolved once per compilation, so most types are dismissed by a symbol lookup per
            // attribute. None visible (no NegLR reference): nothing to check, register nothing.
            var known = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (string name in OptimizerAttributes.All)
            {
                if (start.Compilation.GetTypeByMetadataName(OptimizerAttributes.MetadataName(name)) is { } symbol)
                {
                    known.Add(symbol);
                }
            }

            if (known.Count > 0)
            {
                start.RegisterSymbolAction(symbol => AnalyzeType(symbol, known), SymbolKind.NamedType);
            }
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, HashSet<INamedTypeSymbol> known)
    {
        // The attributes allow classes and structs only (anything else is CS0592), and the generator reads no other type.
        if (context.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type)
        {
            return;
        }

        try
        {
            var attributes = type.GetAttributes();
            if (!HasAny(attributes, known))
            {
                return;
            }

            var declared = OptimizerAttributeReader.Read(attributes);
            if (OptimizerAttributes.Owner(declared) is not { } owner)
            {
                return;
            }

            // The same calls, in the same order, as the generator's OptimizerParser: the same problems, the same messages.
            string name = OptimizerTypeFacts.DisplayName(type);
            var problems = ScheduleValidation.ValidateType(name, owner, OptimizerTypeFacts.Shape(type),
                    OptimizerTypeFacts.IsPartialEverywhere(type, context.CancellationToken))
                .AddRange(ScheduleValidation.Validate(name, declared, out _));
            foreach (var problem in problems)
            {
                if (ScheduleRules.For(problem.Kind) is { } rule)
                {
                    var location = ScheduleProblemLocation.Find(problem, attributes, type, context.CancellationToken);
                    context.ReportDiagnostic(Diagnostic.Create(rule, location, Message(problem.Message)));
                }
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // A bug in the validation must not fail the build: it becomes one warning that names it.
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AnalyzerFailure,
                type.Locations.Length > 0 ? type.Locations[0] : Location.None, type.Name,
                nameof(OptimizerScheduleAnalyzer) + " — " + exception.GetType().Name + ": " + exception.Message));
        }
    }

    /// <summary>Whether any of the type's attributes is an optimizer attribute (the set is only read, so shared safely).</summary>
    private static bool HasAny(ImmutableArray<AttributeData> attributes, HashSet<INamedTypeSymbol> known)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is { } type && known.Contains(type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The validation's sentence without its final period, as compiler messages read.</summary>
    private static string Message(string message) =>
        message.EndsWith(".", StringComparison.Ordinal) ? message.Substring(0, message.Length - 1) : message;
}
