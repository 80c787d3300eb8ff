import { defaultTheme, type RaThemeOptions } from 'react-admin';

/**
 * The console's look: react-admin's default theme in the red of government forms, CJK fonts
 * first. Column headers never break inside a Chinese word (户/主, 所在/村 at 1440 px): they
 * wrap only where the label has a space.
 */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#b71c1c' },
    secondary: { main: '#8e0000' },
  },
  typography: {
    fontFamily: [
      '"PingFang SC"',
      '"Microsoft YaHei"',
      '"WenQuanYi Micro Hei"',
      '"Noto Sans CJK SC"',
      'Roboto',
      'Helvetica',
      'Arial',
      'sans-serif',
    ].join(','),
  },
  components: {
    ...defaultTheme.components,
    MuiTableCell: {
      ...defaultTheme.components?.MuiTableCell,
      styleOverrides: {
        ...defaultTheme.components?.MuiTableCell?.styleOverrides,
        head: { wordBreak: 'keep-all', overflowWrap: 'normal' },
      },
    },
  },
};
