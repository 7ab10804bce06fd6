// The Vant components the phone screens use, each with its own styles, so only the mobile chunks carry
// Vant and only the parts they need (the desk uses Element Plus instead).
import 'vant/es/style/base.css';
import 'vant/es/action-sheet/style/index.mjs';
import 'vant/es/button/style/index.mjs';
import 'vant/es/cell/style/index.mjs';
import 'vant/es/cell-group/style/index.mjs';
import 'vant/es/empty/style/index.mjs';
import 'vant/es/field/style/index.mjs';
import 'vant/es/icon/style/index.mjs';
import 'vant/es/loading/style/index.mjs';
import 'vant/es/nav-bar/style/index.mjs';
import 'vant/es/notice-bar/style/index.mjs';
import 'vant/es/radio/style/index.mjs';
import 'vant/es/radio-group/style/index.mjs';
import 'vant/es/rate/style/index.mjs';
import 'vant/es/step/style/index.mjs';
import 'vant/es/steps/style/index.mjs';
import 'vant/es/stepper/style/index.mjs';
import 'vant/es/tabbar/style/index.mjs';
import 'vant/es/tabbar-item/style/index.mjs';
import 'vant/es/tag/style/index.mjs';
import 'vant/es/toast/style/index.mjs';
import 'vant/es/popup/style/index.mjs';
import 'vant/es/uploader/style/index.mjs';

export {
  ActionSheet,
  Button,
  Cell,
  CellGroup,
  Empty,
  Field,
  Icon,
  Loading,
  NavBar,
  NoticeBar,
  Radio,
  RadioGroup,
  Rate,
  Step,
  Steps,
  Stepper,
  Tabbar,
  TabbarItem,
  Tag,
  Popup,
  Uploader,
  showFailToast,
  showSuccessToast,
  showToast,
} from 'vant';
export type { UploaderFileListItem } from 'vant';
