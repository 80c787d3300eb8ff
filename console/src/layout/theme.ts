import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** The console's look: react-admin's default theme in the red of government forms, CJK fonts first. */
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
};
