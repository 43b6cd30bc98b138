using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using NegLR.Generator.Optimizers;

namespace NegLR.Analyzers.Schedules;

/// <summary>The NLR05xx rule for each kind of problem the shared validation finds: one ID per kind.</summary>
internal static class ScheduleRules
{
    /// <summary>Every NLR05xx descriptor, in ID order.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        DiagnosticDescriptors.OptimizerNotPartial,
        DiagnosticDescriptors.OptimizerTypeUnsupported,
        DiagnosticDescriptors.ConflictingOptimizerAttributes,
        DiagnosticDescriptors.MissingBaseOptimizer,
        DiagnosticDescriptors.InvalidLearningRate,
        DiagnosticDescriptors.NegativePhaseTooLong,
        DiagnosticDescriptors.UnboundedAscent,
        DiagnosticDescriptors.WarmupTooLong,
        DiagnosticDescriptors.InvalidStepCount,
        DiagnosticDescriptors.PeriodicPhaseCut,
        DiagnosticDescriptors.OptimizerValueOutOfRange,
        DiagnosticDescriptors.InapplicableOptimizerArgument,
        DiagnosticDescriptors.InvalidInitialization,
        DiagnosticDescriptors.ConflictingStepRules);

    /// <summary>
    /// The rule for <paramref name="kind"/>, or null for <see cref="ScheduleProblemKind.NotConstant"/>: a value that is not
    /// a constant of the property's type only arises where the compiler already reports an error on the argument
    /// (CS0029, CS0182, …), and a second error there would say the same thing less well.
    /// </summary>
    public static DiagnosticDescriptor? For(ScheduleProblemKind kind) => kind switch
    {
        ScheduleProblemKind.NotPartial => DiagnosticDescriptors.OptimizerNotPartial,
        ScheduleProblemKind.UnsupportedType => DiagnosticDescriptors.OptimizerTypeUnsupported,
        ScheduleProblemKind.ConflictingAttributes => DiagnosticDescriptors.ConflictingOptimizerAttributes,
        ScheduleProblemKind.MissingBaseOptimizer => DiagnosticDescriptors.MissingBaseOptimizer,
        ScheduleProblemKind.InvalidRate => DiagnosticDescriptors.InvalidLearningRate,
        ScheduleProblemKind.NegativePhaseTooLong => DiagnosticDescriptors.NegativePhaseTooLong,
        ScheduleProblemKind.UnboundedAscent => DiagnosticDescriptors.UnboundedAscent,
        ScheduleProblemKind.WarmupTooLong => DiagnosticDescriptors.WarmupTooLong,
        ScheduleProblemKind.InvalidStepCount => DiagnosticDescriptors.InvalidStepCount,
        ScheduleProblemKind.PeriodicPhaseCut => DiagnosticDescriptors.PeriodicPhaseCut,
        ScheduleProblemKind.ValueOutOfRange => DiagnosticDescriptors.OptimizerValueOutOfRange,
        ScheduleProblemKind.InapplicableArgument => DiagnosticDescriptors.InapplicableOptimizerArgument,
        ScheduleProblemKind.InvalidInitialization => DiagnosticDescriptors.InvalidInitialization,
        ScheduleProblemKind.ConflictingStepRules => DiagnosticDescriptors.ConflictingStepRules,
        _ => null,
    };
}
