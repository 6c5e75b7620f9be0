/**
 * The Adaptive Card host configs Microsoft publishes for Teams, light and dark: the values of
 * `samples/HostConfig/microsoft-teams-light.json` and `microsoft-teams-dark.json` in
 * microsoft/AdaptiveCards, which the Adaptive Cards Designer uses to preview a card "in Teams".
 * Colours are `#AARRGGBB` where Microsoft gives an alpha; the renderer turns them into `rgba()`.
 *
 * @see https://learn.microsoft.com/adaptive-cards/rendering-cards/host-config
 */
export type TeamsTheme = 'light' | 'dark';

type Pair = readonly [normal: string, subtle: string];

/** The seven foreground colours a card may ask for, each with its subtle variant. */
interface Foregrounds {
  default: Pair;
  dark: Pair;
  light: Pair;
  accent: Pair;
  good: Pair;
  warning: Pair;
  attention: Pair;
}

const LIGHT_TEXT: Foregrounds = {
  default: ['#ff252424', '#bf252424'],
  dark: ['#252424', '#bf252424'],
  light: ['#ffffff', '#fff3f2f1'],
  accent: ['#6264a7', '#8b8cc7'],
  good: ['#92c353', '#e592c353'],
  warning: ['#f8d22a', '#e5f8d22a'],
  attention: ['#c4314b', '#e5c4314b'],
};

const DARK_TEXT: Foregrounds = {
  default: ['#ffffffff', '#bfffffff'],
  dark: ['#ff201f1f', '#ff2d2c2c'],
  light: ['#ffffffff', '#bfffffff'],
  accent: ['#ffa6a7dc', '#ff8b8cc7'],
  good: ['#ff92c353', '#e592c353'],
  warning: ['#fff8d22a', '#e5f8d22a'],
  attention: ['#ffd74654', '#e5d74654'],
};

/** In the dark theme the coloured containers stay light, so their default text is dark. */
const ON_LIGHT_IN_DARK: Foregrounds = { ...DARK_TEXT, default: DARK_TEXT.dark };

function foregroundColors(text: Foregrounds) {
  return Object.fromEntries(
    Object.entries(text).map(([name, [normal, subtle]]: [string, Pair]) => [
      name,
      { default: normal, subtle },
    ]),
  );
}

function containerStyles(theme: TeamsTheme) {
  const text = theme === 'dark' ? DARK_TEXT : LIGHT_TEXT;
  const onColour = theme === 'dark' ? ON_LIGHT_IN_DARK : LIGHT_TEXT;
  const style = (backgroundColor: string, colours: Foregrounds) => ({
    backgroundColor,
    foregroundColors: foregroundColors(colours),
  });
  return {
    default: style(theme === 'dark' ? '#ff2d2c2c' : '#ffffff', text),
    emphasis: style(theme === 'dark' ? '#ff292828' : '#fff9f8f7', text),
    accent: style('#C7DEF9', onColour),
    good: style('#CCFFCC', onColour),
    attention: style('#FFC5B2', onColour),
    warning: style('#FFE2B2', onColour),
  };
}

const fontType = (fontFamily: string) => ({
  fontFamily,
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
});

const factText = (weight: 'Bolder' | 'Default') => ({
  size: 'Default',
  color: 'Default',
  isSubtle: false,
  weight,
  wrap: true,
});

/** The host config for one Teams theme, as the `adaptivecards` renderer's `HostConfig` takes it. */
export function teamsHostConfig(theme: TeamsTheme) {
  return {
    choiceSetInputValueSeparator: ',',
    supportsInteractivity: true,
    spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: '#EEEEEE' },
    imageSizes: { small: 32, medium: 52, large: 100 },
    fontTypes: {
      default: fontType("'Segoe UI', Tahoma, Geneva, Verdana, sans-serif"),
      monospace: fontType("'Courier New', Courier, monospace"),
    },
    containerStyles: containerStyles(theme),
    actions: {
      maxActions: 6,
      spacing: 'Default',
      buttonSpacing: 8,
      showCard: { actionMode: 'Inline', inlineTopMargin: 16, style: 'emphasis' },
      preExpandSingleShowCardAction: false,
      actionsOrientation: 'Horizontal',
      actionAlignment: 'Left',
    },
    adaptiveCard: { allowCustomStyle: false },
    imageSet: { imageSize: 'Medium', maxImageHeight: 100 },
    factSet: { title: factText('Bolder'), value: factText('Default'), spacing: 16 },
  };
}

/**
 * The browser script the Teams view loads before its own: both host configs as
 * `window.TeamsHostConfigs`, and the theme asked for with `?theme=dark|light|auto` applied before
 * the first paint and kept (in the storage the view's theme switch uses) for the next visit.
 */
export function hostConfigScript(): string {
  const configs = JSON.stringify({ light: teamsHostConfig('light'), dark: teamsHostConfig('dark') });
  return `window.TeamsHostConfigs = ${configs};
(function () {
  var asked = new URLSearchParams(location.search).get('theme');
  if (asked === 'auto')
    asked = window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  if (asked !== 'dark' && asked !== 'light') return;
  document.documentElement.setAttribute('data-theme', asked);
  try {
    localStorage.setItem('ms-sim-theme', asked);
  } catch (e) {
    /* storage may be unavailable; the theme still applies to this page */
  }
})();
`;
}
