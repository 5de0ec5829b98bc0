using System.Collections.Generic;
using System.Text;
using ChiBo.Cases;
using ChiBo.Planning;
using FluentValidation;
using FluentValidation.Results;

namespace ChiBo.Rules.Validation;

/// <summary>
/// FluentValidation's view of a case file (kiểm tra hồ sơ): enforces on a <see cref="CaseFile"/> built in code exactly
/// what the JSON reader enforces (<see cref="CaseFileSerializer.Validate"/>) — the same codes (<c>field.invalid</c>,
/// <c>event.invalid</c>) as <see cref="ValidationFailure.ErrorCode"/> and the same messages, with a property path
/// (<c>Events[3]</c>, <c>Person.FullName</c>) in place of a line; each failure's
/// <see cref="ValidationFailure.CustomState"/> is the reader's <see cref="CaseFileError"/>. <c>AddChiBo</c> registers it as
/// <see cref="IValidator{T}"/> of <see cref="CaseFile"/>, so an ASP.NET Core host validates requests the usual way.
/// </summary>
public sealed class CaseFileValidator : AbstractValidator<CaseFile>
{
    /// <summary>Creates the validator.</summary>
    public CaseFileValidator()
    {
        RuleFor(c => c).Custom((caseFile, context) => FailuresFor.Add(context, CaseFileSerializer.Validate(caseFile)));
    }
}

/// <summary>
/// FluentValidation's view of a cell file: enforces what the reader enforces (<see cref="CellFileSerializer.Validate"/>),
/// with the reader's codes and messages and a property path; registered by <c>AddChiBo</c>.
/// </summary>
public sealed class CellFileValidator : AbstractValidator<CellFile>
{
    /// <summary>Creates the validator.</summary>
    public CellFileValidator()
    {
        RuleFor(c => c).Custom((cellFile, context) => FailuresFor.Add(context, CellFileSerializer.Validate(cellFile)));
    }
}

/// <summary>Turns the readers' errors into FluentValidation failures.</summary>
internal static class FailuresFor
{
    public static void Add<T>(ValidationContext<T> context, IReadOnlyList<CaseFileError> errors)
    {
        foreach (var error in errors)
        {
            context.AddFailure(new ValidationFailure(PropertyPath(error.Path), error.Message)
            {
                ErrorCode = error.Code,
                CustomState = error,
                AttemptedValue = null,
            });
        }
    }

    /// <summary>A JSON path of the contract (<c>$.events[3].fullMembers</c>) as a property path (<c>Events[3].FullMembers</c>).</summary>
    internal static string PropertyPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return string.Empty;
        }

        var path = jsonPath.StartsWith("$.", System.StringComparison.Ordinal) ? jsonPath[2..] : jsonPath;
        var text = new StringBuilder(path.Length);
        var upper = true;
        foreach (var c in path)
        {
            text.Append(upper && char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : c);
            upper = c == '.';
        }

        return text.ToString();
    }
}
