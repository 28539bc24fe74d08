import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router-dom';
import { AppRoutes } from './app/AppRoutes';
import { queryClient } from './app/query-client';
import { theme } from './app/theme';
import { ErrorSinkBinder } from './session/ErrorSinkBinder';
import { SessionProvider } from './session/SessionProvider';
import './styles/global.css';

dayjs.locale('zh-cn');

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');

// HashRouter: the desktop window loads from a custom protocol, the browser from http; both work with hashes.
createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <HashRouter>
            <SessionProvider>
              <ErrorSinkBinder />
              <AppRoutes />
            </SessionProvider>
          </HashRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
