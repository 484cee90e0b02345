// The built stylesheet as text, for the server to write into each page (components/inline-stylesheet.tsx).
import css from './app.css?inline'

export const APP_CSS: string = css
