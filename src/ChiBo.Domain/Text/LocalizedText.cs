using System;
using ChiBo.Utility;

namespace ChiBo.Text;

/// <summary>
/// A message shown to people, in Vietnamese (<c>vi</c>, with diacritics) and English (<c>en</c>).
/// </summary>
/// <remarks>Equality compares both texts ordinally. The default value has empty texts.</remarks>
public readonly record struct LocalizedText
{
    /// <summary>Creates a text in both languages.</summary>
    /// <param name="vi">The Vietnamese text.</param>
    /// <param name="en">The English text.</param>
    /// <exception cref="ArgumentNullException">Either text is null.</exception>
    public LocalizedText(string vi, string en)
    {
        Vi = Preconditions.CheckNotNull(vi, nameof(vi));
        En = Preconditions.CheckNotNull(en, nameof(en));
    }

    /// <summary>The Vietnamese text (tiếng Việt).</summary>
    public string Vi { get => field ?? string.Empty; init; }

    /// <summary>The English text.</summary>
    public string En { get => field ?? string.Empty; init; }

    /// <summary>The text in the given language: <see cref="Language.Vietnamese"/> or <see cref="Language.English"/>.</summary>
    /// <param name="language">The language wanted.</param>
    /// <returns>The text in that language.</returns>
    public string In(Language language) => language == Language.English ? En : Vi;

    /// <summary>Returns the English text (for logs and debugging).</summary>
    /// <returns>The English text.</returns>
    public override string ToString() => En;
}

/// <summary>The languages ChiBo speaks to people.</summary>
public enum Language
{
    /// <summary>Vietnamese (tiếng Việt), the default.</summary>
    Vietnamese = 0,

    /// <summary>English.</summary>
    English = 1,
}
