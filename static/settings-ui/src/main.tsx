import '@atlaskit/css-reset';
import './ui/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, StartupError } from './app';
import { readAppContext } from './forge/forge-context';
import { enableTheme } from './forge/theme-styles';

/** Theme first, as Forge advises: the first paint already has the user's colours. */
const start = async () => {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  await enableTheme();
  try {
    const context = await readAppContext();
    root.render(
      <StrictMode>
        <App context={context} />
      </StrictMode>,
    );
  } catch (error) {
    root.render(<StartupError message={error instanceof Error ? error.message : String(error)} />);
  }
};

void start();
